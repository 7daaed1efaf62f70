/// An `mx` term whose domain has more than 10 MX names: permerror.
public struct SPFMXTooManyNamesCheck: Check {
  public static let description = CheckDescription(
    id: "spf.mx-too-many-names", family: .spf, title: "`mx` with more than 10 names",
    summary: "An `mx` term points at a domain with more than 10 MX records, which is a permerror.",
    rationale: """
      For `mx`, receivers look up every MX name's addresses, and RFC 7208 §4.6.4 caps that at 10
      names per `mx` term: with more, check_host() returns `permerror` and the domain's SPF is
      broken for every message. Domains with many inbound relays hit this without noticing,
      since the MX set is managed separately from SPF. List the sending servers with `ip4`/`ip6`
      (inbound relays rarely send anyway) instead of `mx`.
      """,
    severity: .error, references: ["RFC 7208 §4.6.4", "RFC 7208 §5.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "two MX names",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx1
          @ 300 MX 20 mx2
          mx1 300 A 192.0.2.1
          mx2 300 A 192.0.2.2
          @ 300 TXT "v=spf1 mx -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "eleven MX names",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx1
          @ 300 MX 10 mx2
          @ 300 MX 10 mx3
          @ 300 MX 10 mx4
          @ 300 MX 10 mx5
          @ 300 MX 10 mx6
          @ 300 MX 10 mx7
          @ 300 MX 10 mx8
          @ 300 MX 10 mx9
          @ 300 MX 10 mx10
          @ 300 MX 10 mx11
          @ 300 TXT "v=spf1 mx -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    return tree.problems(.tooManyMXNames).map { problem in
      let location = problem.location
      let term = tree.node(id: location.node)?.terms.first { $0.offset == location.offset }
      let names = term?.mxNames.map(String.init) ?? "more than \(tree.limits.mxNames)"
      return finding(
        "'\(location.term ?? "mx")' in \(tree.place(of: location)) names a domain with \(names) MX names; "
          + "more than \(tree.limits.mxNames) is a permerror for every message", at: location, in: tree)
    }
  }
}
