public import MailZoneDNS

/// Where in a lookup tree something is: a node, and a term of it.
public struct SPFTreeLocation: Sendable, Hashable {
  /// The node's preorder number (``SPFTreeNode/id``).
  public var node: Int
  /// The domain whose record holds the term.
  public var domain: DNSName
  /// The term as written, when the location is a term.
  public var term: String?
  /// UTF-8 offset of the term in the record.
  public var offset: Int?

  public init(node: Int, domain: DNSName, term: String? = nil, offset: Int? = nil) {
    self.node = node
    self.domain = domain
    self.term = term
    self.offset = offset
  }
}

/// Something wrong or worth knowing about a lookup tree, with where it is.
public struct SPFTreeProblem: Sendable, Hashable {
  /// What kind of problem; raw values are stable kebab-case identifiers.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    /// The domain has no `v=spf1` record: check_host returns none.
    case noRecord = "no-record"
    /// Several `v=spf1` records at one domain (RFC 7208 §4.5).
    case multipleRecords = "multiple-records"
    /// A `v=spf1` record that does not parse (RFC 7208 §4.6).
    case malformedRecord = "malformed-record"
    /// `include:` of a domain without an SPF record (RFC 7208 §5.2).
    case includeWithoutRecord = "include-without-record"
    /// `redirect=` to a domain without an SPF record (RFC 7208 §6.1).
    case redirectWithoutRecord = "redirect-without-record"
    /// An include or redirect back to a domain already being evaluated.
    case loop
    /// An include or redirect chain deeper than the walk follows.
    case tooDeep = "too-deep"
    /// More than 10 lookup terms over the tree (RFC 7208 §4.6.4).
    case tooManyLookups = "too-many-lookups"
    /// More than 2 void lookups over the tree (RFC 7208 §4.6.4).
    case tooManyVoidLookups = "too-many-void-lookups"
    /// An `mx` whose domain has more than 10 MX names (RFC 7208 §4.6.4).
    case tooManyMXNames = "too-many-mx-names"
    /// The tree was cut short by its node or query budget.
    case truncated
    /// A DNS query failed: the tree is incomplete.
    case dnsError = "dns-error"
    /// A name outside the loaded zone files (offline runs): unknown, so not followed.
    case outsideZones = "outside-zones"
    /// A lookup that found nothing (counts towards the void limit).
    case voidLookup = "void-lookup"
    /// A term whose lookup depends on the client IP (macros, `ptr`).
    case ipDependent = "ip-dependent"
    /// A redirect next to `all`: never used (RFC 7208 §6.1).
    case ignoredRedirect = "ignored-redirect"
    /// A mechanism after `all`: never evaluated (RFC 7208 §5.1).
    case afterAll = "after-all"
  }

  /// How bad it is.
  public enum Severity: String, Sendable, Hashable, Comparable {
    /// check_host returns permerror for every client (or none, for a missing record).
    case error
    /// A DNS failure: the facts are incomplete.
    case inconclusive
    case warning
    case info

    private var rank: Int {
      switch self {
      case .error: 3
      case .inconclusive: 2
      case .warning: 1
      case .info: 0
      }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
  }

  public var code: Code
  public var severity: Severity
  public var location: SPFTreeLocation
  /// One lower-case sentence naming the rule.
  public var message: String

  public init(_ code: Code, _ severity: Severity, at location: SPFTreeLocation, _ message: String) {
    self.code = code
    self.severity = severity
    self.location = location
    self.message = message
  }
}
