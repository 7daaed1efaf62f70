/// One or two lookups that find nothing: legal, but close to the permerror limit.
public struct SPFVoidLookupsCheck: Check {
  public static let description = CheckDescription(
    id: "spf.void-lookups", family: .spf, title: "Void SPF lookups",
    summary: "A term of the tree looks up a name that does not exist or has no records (1 or 2 of them).",
    rationale: """
      A term whose DNS query returns nothing never matches: it is dead weight that still costs
      one of the 10 allowed lookups, and RFC 7208 §4.6.4 makes a third such lookup a `permerror`.
      Names vanish when a provider is dropped or renamed, or a host is retired; the term then
      usually means a forgotten sender whose mail now fails SPF. Remove or correct it.
      """,
    severity: .warning, references: ["RFC 7208 §4.6.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the mx and a terms find records",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mail
          mail 300 A 192.0.2.1
          @ 300 TXT "v=spf1 mx a:mail.acme.test -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "an mx term at a domain without MX",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 mx ip4:192.0.2.0/24 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    guard let voids = tree.voidLookups, voids > 0, voids <= tree.limits.voidLookups else { return [] }
    return snapshot.spf.walkedTerms.filter(\.term.void).map { node, term in
      finding(
        "'\(term.text)' in \(tree.place(of: SPFTreeLocation(node: node.id, domain: node.domain))) finds nothing "
          + "(\(term.voidReason)): void lookup \(term.voidLookups) of the \(tree.limits.voidLookups) receivers "
          + "allow before permerror", term: term, of: node)
    }
  }
}
