/// The `ptr` mechanism: deprecated, slow, and unreliable.
public struct SPFPTRCheck: Check {
  public static let description = CheckDescription(
    id: "spf.ptr", family: .spf, title: "SPF `ptr` mechanism",
    summary: "A record of the tree uses `ptr`, which RFC 7208 says should not be used.",
    rationale: """
      `ptr` makes receivers look up the client's reverse DNS names and then each name's addresses
      (RFC 7208 §5.5): many queries per message, a dependency on reverse zones the domain does
      not control, and results that change when a hosting provider renames its machines. The
      RFC says it SHOULD NOT be published, and some large receivers skip it, so servers
      authorized only through `ptr` may fail SPF. Replace it with `ip4`/`ip6` ranges or `a`
      terms for the hosts meant.
      """,
    severity: .warning, references: ["RFC 7208 §5.5"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "explicit addresses",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "ptr in the record",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ptr:acme.test -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    return snapshot.spf.walkedTerms.filter { $0.term.name == "ptr" }.map { node, term in
      finding(
        "'\(term.text)' in \(tree.place(of: SPFTreeLocation(node: node.id, domain: node.domain))) is deprecated: "
          + "it costs receivers many reverse lookups and some skip it, so the servers it stands for may fail SPF",
        term: term, of: node)
    }
  }
}
