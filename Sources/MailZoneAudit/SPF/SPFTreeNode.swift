public import MailZoneDNS
public import MailZoneRecords

/// One record of a lookup tree: the domain asked about, or an include or redirect target.
public struct SPFTreeNode: Sendable, Hashable {
  /// How the node was reached.
  public enum Edge: String, Sendable, Hashable {
    case root, include, redirect
  }

  /// Why a target's record was not walked, although it exists.
  public enum Stop: String, Sendable, Hashable {
    /// The include chain is deeper than the budget allows (the benchmark calls it a loop too).
    case tooDeep = "too-deep"
    /// The tree already holds as many records as the budget allows.
    case nodeBudget = "node-budget"
    /// The query budget ran out before this record was fetched.
    case queryBudget = "query-budget"
  }

  /// How looking for the node's record ended.
  public enum Status: Sendable, Hashable {
    /// One `v=spf1` record, parsed and walked.
    case found
    /// One `v=spf1` record that does not parse (permerror); its parseable terms are still walked.
    case malformed(RecordParseError)
    /// No `v=spf1` record: `void` when the TXT query itself had no records (NXDOMAIN or NODATA).
    case none(void: Bool, status: DNSStatus)
    /// Several `v=spf1` records (permerror, RFC 7208 §4.5).
    case multiple(Int)
    /// The TXT query failed (temperror): the tree is incomplete here.
    case dnsError(DNSStatus)
    /// The domain is already being evaluated on this path: an include or redirect cycle.
    case loop
    /// The record was not walked.
    case notFollowed(Stop)

    /// Kebab-case name for reports.
    public var name: String {
      switch self {
      case .found: "found"
      case .malformed: "malformed"
      case .none: "none"
      case .multiple: "multiple"
      case .dnsError: "dns-error"
      case .loop: "loop"
      case .notFollowed: "not-followed"
      }
    }
  }

  /// Preorder number: 0 for the root, then each node as the walk reaches it.
  public var id: Int
  public var domain: DNSName
  /// 0 for the domain asked about, 1 for its includes and redirect, ...
  public var depth: Int
  public var edge: Edge
  public var status: Status
  /// The text of every `v=spf1` TXT record at the domain (one, or several when `multiple`).
  public var records: [String]
  /// Byte length of each character-string of the (first) `v=spf1` TXT record.
  public var strings: [Int]
  /// The terms in evaluation order (mechanisms as written, then the redirect); empty unless the
  /// node was walked.
  public var terms: [SPFTreeTerm]

  public init(
    id: Int, domain: DNSName, depth: Int, edge: Edge, status: Status, records: [String] = [], strings: [Int] = [],
    terms: [SPFTreeTerm] = []
  ) {
    self.id = id
    self.domain = domain
    self.depth = depth
    self.edge = edge
    self.status = status
    self.records = records
    self.strings = strings
    self.terms = terms
  }

  /// The record text when there is exactly one.
  public var record: String? { records.count == 1 ? records.first : nil }

  /// Bytes of the joined record, when there is exactly one.
  public var length: Int? { record.map { $0.utf8.count } }

  /// Whether the node's terms were walked (a found or malformed record).
  public var isWalked: Bool {
    switch status {
    case .found, .malformed: true
    default: false
    }
  }

  /// The include and redirect targets reached from this node, in evaluation order.
  public var children: [SPFTreeNode] { terms.compactMap(\.child) }

  /// Lookups of this node's own terms.
  public var ownLookups: Int { terms.reduce(0) { $0 + $1.cost } }

  /// Lookups of this node's terms and of everything below it.
  public var subtreeLookups: Int { ownLookups + children.reduce(0) { $0 + $1.subtreeLookups } }

  /// This node and every node below it, in preorder (evaluation order).
  public var preorder: [SPFTreeNode] {
    var out: [SPFTreeNode] = []
    var stack: [SPFTreeNode] = [self]
    while let node = stack.popLast() {
      out.append(node)
      stack.append(contentsOf: node.children.reversed())
    }
    return out
  }
}

/// One term of a walked record, with what it costs and the running totals.
public struct SPFTreeTerm: Sendable, Hashable {
  /// The term as written.
  public var text: String
  /// UTF-8 offset of the term in its record.
  public var offset: Int
  /// The mechanism or modifier name, lower-case (`include`, `a`, `redirect`, `exp`); empty for a
  /// term that does not parse.
  public var name: String
  /// DNS lookups the term costs under RFC 7208 §4.6.4: 1 for include, a, mx, ptr, exists and a
  /// followed redirect, else 0.
  public var cost: Int
  /// Lookups counted so far, this term included, in evaluation order over the whole tree.
  public var lookups: Int
  /// Void lookups counted so far (the IP-independent ones), this term included.
  public var voidLookups: Int
  /// The domain the term queries, as written or as the current domain; nil for ptr and free terms.
  public var target: String?
  /// The cost is certain but what it queries depends on the client (macros in the domain-spec,
  /// `ptr`), so it is not followed and its void status is unknown.
  public var ipDependent: Bool
  /// The term's own lookup found no records (NXDOMAIN or NODATA): a void lookup.
  public var void: Bool
  /// For `mx`: how many MX names the answer held (more than 10 is permerror, RFC 7208 §4.6.4).
  public var mxNames: Int?
  /// The term's own query failed (SERVFAIL, timeout, ...): the tree is incomplete here.
  public var dnsError: DNSStatus?
  /// A redirect that is not evaluated because the record has `all` (RFC 7208 §6.1).
  public var ignored: Bool
  /// A mechanism after `all`: never evaluated (RFC 7208 §5.1) but counted by the static total.
  public var afterAll: Bool
  /// Why the term does not parse, for a term of a malformed record.
  public var syntaxError: String?
  /// A budget stopped the walk here: the term's question was not asked, or its target not added.
  public var truncated: Bool
  /// The include or redirect target, when it is a literal name.
  public var child: SPFTreeNode?

  public init(
    text: String, offset: Int, name: String, cost: Int = 0, lookups: Int = 0, voidLookups: Int = 0,
    target: String? = nil, ipDependent: Bool = false, void: Bool = false, mxNames: Int? = nil,
    dnsError: DNSStatus? = nil, ignored: Bool = false, afterAll: Bool = false, syntaxError: String? = nil,
    truncated: Bool = false, child: SPFTreeNode? = nil
  ) {
    self.text = text
    self.offset = offset
    self.name = name
    self.cost = cost
    self.lookups = lookups
    self.voidLookups = voidLookups
    self.target = target
    self.ipDependent = ipDependent
    self.void = void
    self.mxNames = mxNames
    self.dnsError = dnsError
    self.ignored = ignored
    self.afterAll = afterAll
    self.syntaxError = syntaxError
    self.truncated = truncated
    self.child = child
  }
}
