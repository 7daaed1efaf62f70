public import MailZoneDNS

/// The seven results of `check_host()` (RFC 7208 §2.6).
public enum SPFResultCode: String, Sendable, Hashable, CaseIterable {
  case none, neutral, pass, fail, softfail, temperror, permerror
}

/// What `check_host()` decided, why, and what it cost.
public struct SPFResult: Sendable, Hashable {
  public var code: SPFResultCode
  /// One sentence on why, naming the term or the rule (`matched ip4:192.0.2.0/24`, `11 DNS lookups`).
  public var reason: String
  /// The text `exp=` produced for a fail (RFC 7208 §6.2), or nil.
  public var explanation: String?
  /// The term that decided the result, as written, and the domain whose record holds it.
  public var decidingTerm: String?
  public var decidingDomain: DNSName?
  /// DNS-querying terms evaluated (RFC 7208 §4.6.4: include, a, mx, ptr, exists, redirect).
  public var lookups: Int
  /// Of those, the ones that returned no records (NXDOMAIN or NODATA).
  public var voidLookups: Int
  /// Every step, in evaluation order.
  public var trace: [SPFTraceStep]

  public init(
    code: SPFResultCode, reason: String, explanation: String? = nil, decidingTerm: String? = nil,
    decidingDomain: DNSName? = nil, lookups: Int = 0, voidLookups: Int = 0, trace: [SPFTraceStep] = []
  ) {
    self.code = code
    self.reason = reason
    self.explanation = explanation
    self.decidingTerm = decidingTerm
    self.decidingDomain = decidingDomain
    self.lookups = lookups
    self.voidLookups = voidLookups
    self.trace = trace
  }
}

/// One step of an evaluation, for the decision trace.
public struct SPFTraceStep: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// A record was fetched for a domain (or none / several / broken was found).
    case record
    /// A term matched, did not match, or was skipped.
    case match
    case noMatch = "no-match"
    case skipped
    /// A modifier was followed (redirect) or evaluated (exp).
    case modifier
    /// An error that ends the evaluation.
    case error
    /// The result of one `check_host()` level (the top or an include).
    case result
  }

  public var kind: Kind
  /// Nesting: 0 for the domain asked about, 1 inside its first include or redirect, ...
  public var depth: Int
  public var domain: DNSName
  /// The term as written, when the step is about a term.
  public var term: String?
  public var detail: String
  /// DNS lookups this step cost (0 or 1 for a term; MX/PTR name lookups are not counted, §4.6.4).
  public var cost: Int
  /// Running totals after this step.
  public var lookups: Int
  public var voidLookups: Int

  public init(
    kind: Kind, depth: Int, domain: DNSName, term: String? = nil, detail: String, cost: Int = 0,
    lookups: Int, voidLookups: Int
  ) {
    self.kind = kind
    self.depth = depth
    self.domain = domain
    self.term = term
    self.detail = detail
    self.cost = cost
    self.lookups = lookups
    self.voidLookups = voidLookups
  }
}

/// The processing limits of RFC 7208 §4.6.4; configurable only to explore "what if".
public struct SPFLimits: Sendable, Hashable {
  /// Terms that cause DNS queries: include, a, mx, ptr, exists, redirect.
  public var dnsMechanisms = 10
  /// Lookups that return no records; more is permerror.
  public var voidLookups = 2
  /// MX names looked up for one `mx` term; more is permerror.
  public var mxNames = 10
  /// PTR names looked at for one `ptr` term or `%{p}`; the rest are ignored.
  public var ptrNames = 10

  public static let rfc7208 = SPFLimits()
  public init() {}
}
