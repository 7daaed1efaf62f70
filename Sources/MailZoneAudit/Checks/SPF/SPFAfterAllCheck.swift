/// Mechanisms after `all`: never evaluated, yet still counted by strict lookup counters.
public struct SPFAfterAllCheck: Check {
  public static let description = CheckDescription(
    id: "spf.after-all", family: .spf, title: "Mechanisms after `all`",
    summary: "The record has mechanisms after `all`; they are never evaluated.",
    rationale: """
      Mechanisms are tried left to right and `all` always matches, so anything after it is
      never tested (RFC 7208 §5.1): servers listed there are not authorized, although the record
      seems to list them. This usually comes from appending a new provider's include to the end
      of an existing record. Some validators still count these terms toward the 10-lookup limit.
      Move them before `all`, or remove them; mailzone writes the record without them, which is
      what receivers evaluate today.
      """,
    severity: .warning, references: ["RFC 7208 §5.1", "RFC 7208 §4.6.2"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "all comes last",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "an address added after -all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all ip4:198.51.100.7"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    let tree = spf.tree
    let problems = tree.problems(.afterAll)
    let rootOffsets = Set(problems.filter { $0.location.node == tree.root.id }.compactMap(\.location.offset))
    let fix = spf.fix(removing: rootOffsets)
    return problems.map { problem in
      let location = problem.location
      return finding(
        "'\(location.term ?? "?")' in \(tree.place(of: location)) comes after 'all', so it is never evaluated: "
          + "what it lists is not authorized", at: location, in: tree, fix: location.node == tree.root.id ? fix : nil)
    }
  }
}
