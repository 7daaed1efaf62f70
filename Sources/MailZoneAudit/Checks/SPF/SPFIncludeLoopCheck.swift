/// An include or redirect that leads back to a record already being evaluated.
public struct SPFIncludeLoopCheck: Check {
  public static let description = CheckDescription(
    id: "spf.include-loop", family: .spf, title: "SPF include or redirect loop",
    summary: "An `include:` or `redirect=` chain comes back to a domain already being evaluated.",
    rationale: """
      A loop can never finish: receivers give up when the chain exhausts the 10-lookup limit
      (RFC 7208 §4.6.4) and return `permerror` (§5.2) for every message, so the domain's SPF is
      broken for everyone. Loops appear when two records include each other, typically a
      domain and its `_spf` subdomain, or two brands of one company. A chain deeper than mailzone
      follows (21 records) is reported here too: no receiver evaluates it. Break the cycle by
      removing the include that points back.
      """,
    severity: .error, references: ["RFC 7208 §5.2", "RFC 7208 §6.1", "RFC 7208 §4.6.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a chain that ends",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the included record includes the domain again",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 include:acme.test -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a redirect to itself",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 redirect=acme.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    return tree.problems.compactMap { problem -> Finding? in
      let location = problem.location
      let term = location.term.map { "'\($0)'" } ?? "a term"
      switch problem.code {
      case .loop:
        let chain = (tree.route(to: location.node).map(\.text) + [location.term ?? "?"]).joined(separator: " → ")
        return finding(
          "\(term) in \(tree.place(of: location)) leads back to a record already being evaluated (\(chain)): "
            + "receivers return permerror", at: location, in: tree)
      case .tooDeep:
        return finding(
          "\(term) in \(tree.place(of: location)) is more than \(SPFLookupTree.Budget.standard.maximumDepth) "
            + "records deep: no receiver follows such a chain, and it breaks the lookup limit", at: location, in: tree)
      default:
        return nil
      }
    }
  }
}
