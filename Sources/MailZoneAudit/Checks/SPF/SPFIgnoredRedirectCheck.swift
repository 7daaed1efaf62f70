/// `redirect=` in a record that has `all`: the redirect is never used.
public struct SPFIgnoredRedirectCheck: Check {
  public static let description = CheckDescription(
    id: "spf.ignored-redirect", family: .spf, title: "Redirect ignored beside `all`",
    summary: "The record has both `all` and `redirect=`; receivers ignore the redirect.",
    rationale: """
      `all` matches every client, so evaluation never reaches the end of the record, and RFC 7208
      §6.1 says a `redirect=` in a record with an `all` mechanism must be ignored. Whoever wrote
      the record probably meant the redirect target's servers to be authorized; they are not,
      and their mail gets the `all` result instead. Either remove `all` (so the redirect decides)
      or remove the redirect; mailzone writes the record without the redirect, which is what
      receivers evaluate today.
      """,
    severity: .warning, references: ["RFC 7208 §6.1", "RFC 7208 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the redirect alone ends the record",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.1 redirect=_spf.acme.test"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "-all and a redirect: the redirect is dropped",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.1 redirect=_spf.acme.test -all"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    let tree = spf.tree
    return tree.problems(.ignoredRedirect).map { problem in
      let location = problem.location
      let fix = location.node == tree.root.id ? location.offset.flatMap { spf.fix(removing: [$0]) } : nil
      return finding(
        "'\(location.term ?? "redirect")' in \(tree.place(of: location)) is never used: the record has 'all', "
          + "so the redirect target's servers are not authorized by it", at: location, in: tree, fix: fix)
    }
  }
}
