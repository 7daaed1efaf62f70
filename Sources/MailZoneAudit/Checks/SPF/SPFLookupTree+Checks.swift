import MailZoneDNS
import MailZoneRecords

// What the SPF checks share about the lookup tree: where a term sits, the qualifier and `all`
// of a record, and findings placed at a term.

extension SPFLookupTree {
  /// The node with preorder number `id`.
  func node(id: Int) -> SPFTreeNode? { nodes.first { $0.id == id } }

  /// The include and redirect terms that lead from the root to node `id`, outermost first.
  func route(to id: Int) -> [SPFTreeTerm] {
    func search(_ node: SPFTreeNode, _ path: [SPFTreeTerm]) -> [SPFTreeTerm]? {
      if node.id == id { return path }
      for term in node.terms {
        if let child = term.child, let found = search(child, path + [term]) { return found }
      }
      return nil
    }
    return search(root, []) ?? []
  }

  /// Where a location is, for a message: `the record of x.test (reached by include:a.test →
  /// include:x.test)`, or `the record of acme.test` for the root.
  func place(of location: SPFTreeLocation) -> String {
    let route = route(to: location.node)
    guard !route.isEmpty else { return "the record of \(location.domain)" }
    return "the record of \(location.domain) (reached by \(route.map(\.text).joined(separator: " → ")))"
  }

  /// Every walked term with the node holding it, in evaluation order.
  var walkedTerms: [(node: SPFTreeNode, term: SPFTreeTerm)] {
    nodes.flatMap { node in node.terms.map { (node, $0) } }
  }

  /// The problems with `code`, in evaluation order.
  func problems(_ code: SPFTreeProblem.Code) -> [SPFTreeProblem] { problems.filter { $0.code == code } }
}

extension SPFTreeTerm {
  /// The qualifier as written (`+` when none is), for a mechanism.
  var qualifier: SPFQualifier {
    text.first.flatMap { SPFQualifier(rawValue: String($0)) } ?? .pass
  }
}

extension SPFTreeNode {
  /// The `all` that is evaluated: the first one (a later one comes after it, RFC 7208 §5.1).
  var firstAll: SPFTreeTerm? { terms.first { $0.name == "all" && !$0.afterAll } }

  /// The redirect that is followed (not one ignored beside `all`).
  var followedRedirect: SPFTreeTerm? { terms.first { $0.name == "redirect" && !$0.ignored } }

  /// The record that decides what happens to a client no mechanism matched: this one, or the end
  /// of its redirect chain (RFC 7208 §6.1); nil when the chain breaks (loop, missing or malformed
  /// record: a permerror that other checks report).
  var finalRecord: SPFTreeNode? {
    var node = self
    for _ in 0...SPFLookupTree.Budget.standard.maximumDepth {
      guard case .found = node.status else { return nil }
      guard node.firstAll == nil, let redirect = node.followedRedirect else { return node }
      guard let child = redirect.child else { return nil }
      node = child
    }
    return nil
  }
}

extension Check {
  /// A finding about a place in the lookup tree: its owner as subject, its record and offset.
  func finding(
    _ message: String, at location: SPFTreeLocation, in tree: SPFLookupTree, fix: String? = nil,
    severity: Severity? = nil
  ) -> Finding {
    let record = tree.node(id: location.node)?.records.first
    return finding(
      message, subject: "\(location.domain) TXT", record: record, offset: location.offset, fix: fix,
      severity: severity)
  }

  /// A finding about a term of a node.
  func finding(
    _ message: String, term: SPFTreeTerm, of node: SPFTreeNode, fix: String? = nil, severity: Severity? = nil
  ) -> Finding {
    finding(
      message, subject: "\(node.domain) TXT", record: node.records.first, offset: term.offset, fix: fix,
      severity: severity)
  }
}

extension SPFLookupTree {
  /// The root record's term at or above `location`: the term itself when it is in the root, else
  /// the root's include or redirect through which it is reached. Tree-wide limits are marked
  /// there, because it is the term the domain's owner can change.
  func rootTerm(above location: SPFTreeLocation) -> (text: String, offset: Int)? {
    if location.node == root.id, let term = location.term, let offset = location.offset { return (term, offset) }
    return route(to: location.node).first.map { ($0.text, $0.offset) }
  }
}

extension SPFTreeTerm {
  /// Why a void term found nothing, for a message.
  var voidReason: String {
    let target = self.target ?? "the name"
    if let child, case .none(_, let status) = child.status {
      return status == .nxDomain ? "\(target) does not exist (NXDOMAIN)" : "\(target) has no TXT records"
    }
    if (try? DNSName(target)) == nil { return "'\(target)' is not a valid DNS name" }
    return name == "mx" ? "\(target) has no MX records" : "\(target) has no A records"
  }
}
