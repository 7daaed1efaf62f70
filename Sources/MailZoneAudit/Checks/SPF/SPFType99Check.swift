/// A record of the retired SPF type (99): receivers never ask for it.
public struct SPFType99Check: Check {
  public static let description = CheckDescription(
    id: "spf.type99-record", family: .spf, title: "SPF published as DNS type 99",
    summary: "The domain publishes an SPF-type (99) record, which RFC 7208 retired; only TXT counts.",
    rationale: """
      RFC 4408 allowed SPF records in a dedicated DNS type, 99. RFC 7208 §3.1 removed it: SPF
      records must be published as TXT only, and verifiers do not query type 99 (§14.1). A type
      99 record does nothing; worse, when it differs from the TXT record someone editing one
      will believe the other is in force. Delete it, and keep the TXT record current. This is a
      warning when the two differ or no TXT record exists, and informational when they match.
      """,
    severity: .warning, references: ["RFC 7208 §3.1", "RFC 7208 §14.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "TXT only",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a type 99 record that says something else",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          @ 300 SPF "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    return spf.type99.records.map { record in
      let text = record.text
      let same = spf.records.contains { $0.joined == record.joined }
      let message =
        same
        ? "the domain also publishes its SPF record as DNS type 99, which receivers never read: delete it"
        : spf.records.isEmpty
          ? "the domain's SPF record is published only as DNS type 99, which receivers never read: publish it as TXT"
          : "a DNS type 99 record says '\(text)', unlike the TXT record receivers read: delete the type 99 record"
      return finding(
        message, subject: "\(snapshot.domain) SPF", record: text, severity: same ? .info : .warning)
    }
  }
}
