import MailZoneDNS

/// The same domain included twice in the tree: every repeat costs lookups and matches nothing new.
public struct SPFDuplicateIncludeCheck: Check {
  public static let description = CheckDescription(
    id: "spf.duplicate-include", family: .spf, title: "Duplicate SPF include",
    summary: "The same domain is included more than once in the tree (in one record or across records).",
    rationale: """
      An include that was already evaluated can only give the same answer again, yet receivers
      count its lookups every time (RFC 7208 §4.6.4): a repeated `include:_spf.google.com` burns
      4 of the 10 allowed lookups for nothing. Repeats creep in when two setup guides are
      followed, or when a provider's record already includes what the domain also includes
      directly. Remove the repeat; mailzone writes the record without it when both copies are in
      the domain's own record.
      """,
    severity: .warning, references: ["RFC 7208 §4.6.4", "RFC 7208 §5.2"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "two different includes",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_a.acme.test include:_b.acme.test -all"
          _a 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          _b 300 TXT "v=spf1 ip4:198.51.100.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the same include twice in the record: the repeat is removed",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_a.acme.test ip4:203.0.113.9 include:_A.acme.test. -all"
          _a 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a provider's record already includes it",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_a.acme.test include:_b.acme.test -all"
          _a 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          _b 300 TXT "v=spf1 include:_a.acme.test ip4:198.51.100.0/24 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    let tree = spf.tree
    var order: [DNSName] = []
    var places: [DNSName: [(node: SPFTreeNode, term: SPFTreeTerm)]] = [:]
    // In evaluation order; below a repeat nothing is new, so its subtree is not searched again.
    func visit(_ node: SPFTreeNode) {
      for term in node.terms {
        guard let child = term.child else { continue }
        // The child node's domain is the include target, already a name: nothing to parse.
        guard term.name == "include", term.target != nil else {
          visit(child)
          continue
        }
        if case .loop = child.status { continue }
        let name = child.domain
        let first = places[name] == nil
        if first { order.append(name) }
        places[name, default: []].append((node, term))
        if first { visit(child) }
      }
    }
    visit(tree.root)
    return order.compactMap { name -> Finding? in
      guard let found = places[name], found.count > 1, let repeated = found.dropFirst().first else { return nil }
      let cost = 1 + (found.first?.term.child?.subtreeLookups ?? 0)
      let whereabouts = found.map { tree.place(of: SPFTreeLocation(node: $0.node.id, domain: $0.node.domain)) }
      let unique = whereabouts.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      let fix =
        found.allSatisfy { $0.node.id == tree.root.id }
        ? spf.fix(removing: Set(found.dropFirst().map(\.term.offset))) : nil
      return finding(
        "\(name) is included \(found.count) times (in \(unique.joined(separator: "; "))): each repeat costs "
          + "\(cost) lookup\(cost == 1 ? "" : "s") again and can match nothing new",
        term: repeated.term, of: repeated.node, fix: fix)
    }
  }
}
