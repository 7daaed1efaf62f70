/// 9 or 10 lookups: legal today, broken by the next include.
public struct SPFLookupNearLimitCheck: Check {
  public static let description = CheckDescription(
    id: "spf.lookup-near-limit", family: .spf, title: "SPF lookups close to the limit",
    summary: "The tree needs 9 or 10 of the 10 DNS lookups receivers allow: one more include breaks it.",
    rationale: """
      The 10-lookup limit (RFC 7208 §4.6.4) counts the whole tree, including lookups inside
      providers' records, which change without notice: a provider that adds one nested include,
      or one new service added to the record, pushes the domain over the limit and every receiver
      starts returning `permerror`. With 9 or 10 lookups there is no headroom left. Drop unused
      includes, replace `a` and `mx` terms with the addresses they stand for, or move a sender
      to its own subdomain before the next change.
      """,
    severity: .warning, references: ["RFC 7208 §4.6.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "three lookups",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 A 192.0.2.1
          @ 300 MX 10 @
          @ 300 TXT "v=spf1 a mx include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "ten lookups: nothing may be added",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 A 192.0.2.1
          @ 300 MX 10 @
          @ 300 TXT "v=spf1 a mx a mx a mx include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 a mx a -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    let limit = tree.limits.dnsMechanisms
    guard let lookups = tree.lookups, lookups >= limit - 1, lookups <= limit else { return [] }
    let room = limit - lookups
    let headroom = room == 0 ? "no lookup is left" : "one lookup is left"
    return [
      finding(
        "the SPF record needs \(lookups) of the \(limit) DNS lookups receivers allow: \(headroom), so one more "
          + "include (or a provider adding one) makes it a permerror", subject: snapshot.spf.subject,
        record: tree.root.record)
    ]
  }
}
