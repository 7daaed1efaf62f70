public import MailZoneDNS

/// A domain's whole SPF include/redirect tree, counted statically: what every DNS-querying term
/// costs in evaluation order, independent of any client IP.
///
/// Counting follows RFC 7208 §4.6.4 with the conventions of the benchmark's truth file: every
/// `include`, `a`, `mx`, `ptr`, `exists` and followed `redirect` anywhere in the tree counts once
/// per occurrence (a record included twice counts twice), with no stop at 10; a redirect next to
/// `all` is ignored and not counted (§6.1). Void lookups are include/redirect targets with no TXT
/// records, `a`/`exists` targets with no A records and `mx` targets with no MX records (an IPv4
/// client is assumed); terms whose name depends on the client (macros, `ptr`) are counted but not
/// followed, and go to ``voidLookupsIPDependent``. The A/AAAA lookups of MX names are not counted,
/// but more than 10 MX names is a permerror.
public struct SPFLookupTree: Sendable, Hashable {
  /// Bounds on the work one tree may cost, so that a hostile graph ends quickly.
  public struct Budget: Sendable, Hashable {
    /// Deepest record walked (the domain asked about is depth 0); an include or redirect in a
    /// record at this depth is counted but not followed. 21 is where the benchmark stops.
    public var maximumDepth = 21
    /// Records in the tree; past this, includes and redirects are counted but not followed.
    public var maximumNodes = 500
    /// Terms walked over the whole tree.
    public var maximumTerms = 50_000
    /// Distinct DNS questions asked.
    public var maximumQueries = 1000
    /// Questions in flight at once.
    public var concurrency = 16

    public static let standard = Budget()
    public init() {}
  }

  public var domain: DNSName
  /// The record at `domain` and everything it includes or redirects to.
  public var root: SPFTreeNode {
    didSet { nodes = root.preorder }
  }
  /// Every node in preorder (kept with `root`: the checks walk it many times per domain).
  public private(set) var nodes: [SPFTreeNode]
  public var limits: SPFLimits
  /// Lookup terms over the whole tree; nil unless the domain has exactly one `v=spf1` record.
  public var lookups: Int?
  /// Void lookups of the IP-independent terms; nil like `lookups`.
  public var voidLookups: Int?
  /// Terms whose void status depends on the client IP (macros, `ptr`); nil like `lookups`.
  public var voidLookupsIPDependent: Int?
  /// The term that spends the last allowed lookup (the 10th), in evaluation order.
  public var lastAllowedLookup: SPFTreeLocation?
  /// The first term over the limit (the 11th lookup), in evaluation order.
  public var overflow: SPFTreeLocation?
  /// Everything found, in evaluation order, then the tree-wide limits.
  public var problems: [SPFTreeProblem]
  /// A budget cut the tree short: counts are lower bounds.
  public var truncated: Bool
  /// Typed DNS lookups asked while building the tree.
  public var queries: Int

  public init(
    domain: DNSName, root: SPFTreeNode, limits: SPFLimits = .rfc7208, lookups: Int? = nil, voidLookups: Int? = nil,
    voidLookupsIPDependent: Int? = nil, lastAllowedLookup: SPFTreeLocation? = nil, overflow: SPFTreeLocation? = nil,
    problems: [SPFTreeProblem] = [], truncated: Bool = false, queries: Int = 0
  ) {
    self.domain = domain
    self.root = root
    self.nodes = root.preorder
    self.limits = limits
    self.lookups = lookups
    self.voidLookups = voidLookups
    self.voidLookupsIPDependent = voidLookupsIPDependent
    self.lastAllowedLookup = lastAllowedLookup
    self.overflow = overflow
    self.problems = problems
    self.truncated = truncated
    self.queries = queries
  }

  /// Builds the tree for `domain`, asking every question through `resolver` (give it a
  /// `CachingResolver` to share answers with other work). Never throws: DNS failures become
  /// `dns-error` problems and an incomplete tree.
  public static func build(
    domain: DNSName, resolver: any Resolver, limits: SPFLimits = .rfc7208, budget: Budget = .standard
  ) async -> SPFLookupTree {
    let answers = await SPFTreeFetcher(resolver: resolver, budget: budget).fetch(domain)
    return evaluate(domain: domain, answers: answers, limits: limits, budget: budget)
  }

  /// Judges gathered answers; pure and synchronous.
  static func evaluate(
    domain: DNSName, answers: SPFTreeAnswers, limits: SPFLimits, budget: Budget
  ) -> SPFLookupTree {
    var walker = SPFTreeWalker(answers: answers, limits: limits, budget: budget)
    let root = walker.walkRoot(domain)
    var tree = SPFLookupTree(
      domain: domain, root: root, limits: limits, lastAllowedLookup: walker.lastAllowed, overflow: walker.overflow,
      problems: walker.problems, truncated: walker.truncated || answers.exhausted, queries: answers.queries)
    guard root.isWalked else { return tree }
    tree.lookups = walker.lookups
    tree.voidLookups = walker.voids
    tree.voidLookupsIPDependent = walker.ipDependentVoids
    tree.problems += walker.limitProblems(root: root, exhausted: answers.exhausted)
    return tree
  }
}

extension SPFLookupTree {
  /// Whether the domain has a `v=spf1` record; nil when its TXT query failed.
  public var exists: Bool? {
    if case .dnsError = root.status { return nil }
    return !root.records.isEmpty
  }

  /// How many `v=spf1` records the domain has; nil when its TXT query failed.
  public var records: Int? { exists == nil ? nil : root.records.count }

  /// The record text, when there is exactly one.
  public var record: String? { root.record }

  /// How many character-strings the record's TXT holds, when there is exactly one record.
  public var strings: Int? { root.record == nil ? nil : root.strings.count }

  /// Bytes of the joined record, when there is exactly one.
  public var length: Int? { root.length }

  /// The last `all` term of the top record, as written (`-all`, `~all`), or nil.
  public var all: String? {
    guard root.isWalked else { return nil }
    return root.terms.last { $0.name == "all" }?.text
  }

  /// The top record's include targets as written, in order, without a final dot.
  public var includes: [String]? {
    guard root.isWalked else { return nil }
    return root.terms.filter { $0.name == "include" }.map { term in
      var target = term.text.split(separator: ":", maxSplits: 1).dropFirst().first.map(String.init) ?? ""
      if target.hasSuffix("."), target.count > 1 { target.removeLast() }
      return target
    }
  }

  /// No DNS query failed (a name outside the zone files is unknown, not failed, as in the audit).
  public var isComplete: Bool { !problems.contains { $0.severity == .inconclusive } }

  /// Whether some problem makes check_host fail for every client (or the record is missing).
  public var hasErrors: Bool { problems.contains { $0.severity == .error } }

  /// Some name is outside the loaded zone files (offline runs): its part of the tree is unknown.
  public var hasUnknownNames: Bool { problems.contains { $0.code == .outsideZones } }

  /// False where check_host gives permerror for any client IP; nil when there is no record to
  /// judge (none), or when part of the tree is unknown (a DNS failure, a name outside the zone
  /// files) and nothing is wrong so far.
  public var valid: Bool? {
    if hasErrors, exists == true { return false }
    guard root.isWalked, isComplete, !hasUnknownNames else { return nil }
    return true
  }
}
