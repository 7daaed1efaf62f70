import MailZoneAudit
import MailZoneDNS

extension SPFTreeReport {
  static let schema = "mailzone.spf-tree/1"

  /// The tree as JSON: the audit contract's `spf` facts first, then the nodes. Absent facts are
  /// `null`; names are written without the trailing dot.
  func json() -> JSONValue {
    .object([
      ("schema", .string(Self.schema)),
      ("domain", .string(tree.domain.description)),
      ("status", .string(tree.isComplete ? "complete" : "incomplete")),
      ("exists", .optional(tree.exists) { .bool($0) }),
      ("records", .optional(tree.records) { .int($0) }),
      ("record", .optional(tree.record) { .string($0) }),
      ("strings", .optional(tree.strings) { .int($0) }),
      ("length", .optional(tree.length) { .int($0) }),
      ("lookups", .optional(tree.lookups) { .int($0) }),
      ("void_lookups", .optional(tree.voidLookups) { .int($0) }),
      ("void_lookups_ip_dependent", .optional(tree.voidLookupsIPDependent) { .int($0) }),
      ("all", .optional(tree.all) { .string($0) }),
      ("includes", .optional(tree.includes) { .array($0.map(JSONValue.string)) }),
      ("valid", .optional(tree.valid) { .bool($0) }),
      ("lookup_limit", .int(tree.limits.dnsMechanisms)),
      ("void_lookup_limit", .int(tree.limits.voidLookups)),
      ("last_allowed_lookup", .optional(tree.lastAllowedLookup, location)),
      ("overflow", .optional(tree.overflow, location)),
      ("truncated", .bool(tree.truncated)),
      ("queries", .int(tree.queries)),
      ("problems", .array(tree.problems.map(problem))),
      ("tree", node(tree.root)),
    ])
  }

  private func location(_ location: SPFTreeLocation) -> JSONValue {
    .object([
      ("node", .int(location.node)),
      ("domain", .string(location.domain.description)),
      ("term", .optional(location.term) { .string($0) }),
      ("offset", .optional(location.offset) { .int($0) }),
    ])
  }

  private func problem(_ problem: SPFTreeProblem) -> JSONValue {
    .object([
      ("code", .string(problem.code.rawValue)),
      ("severity", .string(problem.severity.rawValue)),
      ("message", .string(problem.message)),
      ("location", location(problem.location)),
    ])
  }

  private func node(_ node: SPFTreeNode) -> JSONValue {
    .object([
      ("id", .int(node.id)),
      ("domain", .string(node.domain.description)),
      ("edge", .string(node.edge.rawValue)),
      ("depth", .int(node.depth)),
      ("status", .string(node.status.name)),
      ("detail", .optional(Self.detail(node.status)) { .string($0) }),
      ("record", .optional(node.record) { .string($0) }),
      ("records", .array(node.records.map(JSONValue.string))),
      ("strings", .array(node.strings.map(JSONValue.int))),
      ("length", .optional(node.length) { .int($0) }),
      ("lookups", .int(node.ownLookups)),
      ("subtree_lookups", .int(node.subtreeLookups)),
      ("terms", .array(node.terms.map(term))),
      ("children", .array(node.children.map(self.node))),
    ])
  }

  /// What the status word leaves out: the DNS status, the parse error, why it was not followed.
  static func detail(_ status: SPFTreeNode.Status) -> String? {
    switch status {
    case .found, .loop: nil
    case .malformed(let error): error.description
    case .none(_, let status): status.description
    case .multiple(let count): "\(count) records"
    case .dnsError(let status): status.description
    case .notFollowed(let stop): stop.rawValue
    }
  }

  private func term(_ term: SPFTreeTerm) -> JSONValue {
    .object([
      ("term", .string(term.text)),
      ("offset", .int(term.offset)),
      ("name", .string(term.name)),
      ("cost", .int(term.cost)),
      ("cumulative", .int(term.lookups)),
      ("void_cumulative", .int(term.voidLookups)),
      ("target", .optional(term.target) { .string($0) }),
      ("ip_dependent", .bool(term.ipDependent)),
      ("void", .bool(term.void)),
      ("mx_names", .optional(term.mxNames) { .int($0) }),
      ("dns_error", .optional(term.dnsError) { .string($0.description) }),
      ("ignored", .bool(term.ignored)),
      ("after_all", .bool(term.afterAll)),
      ("syntax_error", .optional(term.syntaxError) { .string($0) }),
      ("truncated", .bool(term.truncated)),
      ("child", .optional(term.child) { .int($0.id) }),
    ])
  }
}
