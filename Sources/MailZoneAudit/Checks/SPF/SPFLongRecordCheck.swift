/// An SPF record over 450 bytes: past the size RFC 7208 advises.
public struct SPFLongRecordCheck: Check {
  public static let description = CheckDescription(
    id: "spf.long-record", family: .spf, title: "SPF record over 450 bytes",
    summary: "The SPF record is longer than the 450 bytes RFC 7208 §3.4 advises staying under.",
    rationale: """
      A DNS reply over UDP without EDNS holds at most 512 bytes; a larger TXT answer arrives
      truncated and the resolver must retry over TCP, which some firewalls and resolvers do not
      do, so receivers may get a `temperror` or no record. RFC 7208 §3.4 therefore advises
      keeping the SPF record under 450 bytes, to leave room for the rest of the reply and the
      other TXT records at the name. Remove unused terms or move senders behind an include on a
      subdomain of your own.
      """,
    severity: .warning, references: ["RFC 7208 §3.4", "RFC 1035 §4.2.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a short record",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a 464-byte record in two strings",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 ip4:192.0.2.3 ip4:192.0.2.4 ip4:192.0.2.5 ip4:192.0.2.6 ip4:192.0.2.7 ip4:192.0.2.8 ip4:192.0.2.9 ip4:192.0.2.10 ip4:192.0.2.11 ip4:192.0.2.12 ip4:192.0.2.13 ip4:192.0.2.14 ip4:192.0.2.15 ip4:192.0.2.16 ip4:192.0.2.17 " "ip4:198.51.100.1 ip4:198.51.100.2 ip4:198.51.100.3 ip4:198.51.100.4 ip4:198.51.100.5 ip4:198.51.100.6 ip4:198.51.100.7 ip4:198.51.100.8 ip4:198.51.100.9 ip4:198.51.100.10 ip4:198.51.100.11 ip4:198.51.100.12 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    // Over 512 bytes, spf.record-too-large reports it as an error.
    guard let length = spf.length, length > 450, length <= 512 else { return [] }
    return [
      finding(
        "the SPF record is \(length) bytes, over the 450 RFC 7208 advises; the whole TXT reply is about "
          + "\(spf.txtAnswerSize) bytes, and past 512 it needs TCP or EDNS", subject: spf.subject, record: spf.record)
    ]
  }
}
