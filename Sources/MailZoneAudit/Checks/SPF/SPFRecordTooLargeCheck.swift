/// A TXT answer over 512 bytes: truncated over plain UDP.
public struct SPFRecordTooLargeCheck: Check {
  public static let description = CheckDescription(
    id: "spf.record-too-large", family: .spf, title: "SPF answer over 512 bytes",
    summary: "The SPF record (error) or the whole TXT answer at the domain (warning, info) exceeds 512 bytes.",
    rationale: """
      512 bytes is the most a DNS reply over UDP can carry without EDNS (RFC 1035 §4.2.1). A larger
      TXT answer comes back truncated and the resolver must retry over TCP; resolvers or
      firewalls that do not, and SPF verifiers that treat truncation as failure, get no record
      or a `temperror` (RFC 7208 §3.4), so mail fails SPF intermittently. An SPF record that alone
      is over 512 bytes never fits: this is an error; move senders behind includes on your own
      subdomains. When the other TXT records at the name (verification tokens) push the answer
      over, EDNS resolvers still get it over UDP up to the 1232 bytes they advertise since DNS
      Flag Day 2020 (informational); past that, every resolver needs TCP (a warning): remove
      stale verification records.
      """,
    severity: .error, references: ["RFC 7208 §3.4", "RFC 1035 §4.2.1", "RFC 6891 §6.2.5"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a short answer",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          @ 300 TXT "site-verification=abc123"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a 554-byte record in three strings",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.1 ip4:192.0.2.2 ip4:192.0.2.3 ip4:192.0.2.4 ip4:192.0.2.5 ip4:192.0.2.6 ip4:192.0.2.7 ip4:192.0.2.8 ip4:192.0.2.9 ip4:192.0.2.10 ip4:192.0.2.11 ip4:192.0.2.12 ip4:192.0.2.13 ip4:192.0.2.14 ip4:192.0.2.15 ip4:192.0.2.16 ip4:192.0.2.17 " "ip4:198.51.100.1 ip4:198.51.100.2 ip4:198.51.100.3 ip4:198.51.100.4 ip4:198.51.100.5 ip4:198.51.100.6 ip4:198.51.100.7 ip4:198.51.100.8 ip4:198.51.100.9 ip4:198.51.100.10 ip4:198.51.100.11 ip4:198.51.100.12 ip4:198.51.100.13 " "ip4:198.51.100.14 ip4:198.51.100.15 ip4:198.51.100.16 ip4:198.51.100.17 -all"
          """),
    ])

  /// The EDNS UDP payload size resolvers advertise since DNS Flag Day 2020.
  static let ednsPayload = 1232

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let length = spf.length else { return [] }
    let answer = spf.txtAnswerSize
    if length > 512 {
      return [
        finding(
          "the SPF record alone is \(length) bytes (the TXT reply about \(answer)): over the 512 a plain UDP "
            + "reply holds, so it arrives truncated and needs TCP", subject: spf.subject, record: spf.record)
      ]
    }
    guard answer > 512 else { return [] }
    let others = spf.txt.records.count - 1
    let past = answer > Self.ednsPayload
    let over = past ? "over \(Self.ednsPayload), so even EDNS resolvers need TCP" : "over 512, so it needs EDNS or TCP"
    return [
      finding(
        "the TXT reply at \(snapshot.domain) is about \(answer) bytes with its \(others) other TXT "
          + "record\(others == 1 ? "" : "s"): \(over)", subject: spf.subject, record: spf.record,
        severity: past ? .warning : .info)
    ]
  }
}
