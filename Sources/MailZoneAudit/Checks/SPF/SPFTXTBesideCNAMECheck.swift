/// TXT records at a name that is also a CNAME: a broken zone that resolvers answer inconsistently.
public struct SPFTXTBesideCNAMECheck: Check {
  public static let description = CheckDescription(
    id: "spf.txt-beside-cname", family: .spf, title: "TXT beside a CNAME",
    summary: "The domain has a CNAME and TXT records at the same name, which DNS does not allow.",
    rationale: """
      A name with a CNAME may hold no other data (RFC 1034 §3.6.2, RFC 2181 §10.1). Servers that
      let both through answer a TXT query with the TXT records, while resolvers that already hold
      the CNAME, or ask for another type first, follow it to the target and see the target's TXT
      records instead. Which SPF record a receiver evaluates then depends on its resolver and its
      cache, and SPF results differ from receiver to receiver. Remove the CNAME, or the TXT
      records and publish the SPF record at the target.
      """,
    severity: .error, references: ["RFC 1034 §3.6.2", "RFC 2181 §10.1", "RFC 7208 §4.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "TXT and no CNAME",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          www 300 CNAME @
          @ 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "mail.acme.test", note: "a CNAME and an SPF record at one name",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          mail 300 CNAME @
          mail 300 TXT "v=spf1 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let target = spf.cname.records.first, spf.txt.cnameChain.isEmpty, !spf.txt.records.isEmpty else {
      return []
    }
    let kinds = spf.records.isEmpty ? "TXT records" : "its SPF record"
    return [
      finding(
        "\(snapshot.domain) has a CNAME (to \(target)) and \(kinds) at the same name: resolvers that follow the "
          + "CNAME see \(target)'s TXT records instead, so receivers disagree on the SPF record",
        subject: "\(snapshot.domain) CNAME", record: spf.records.first?.text)
    ]
  }
}
