/// The record is published as several character-strings (it is longer than one can hold).
public struct SPFMultipleStringsCheck: Check {
  public static let description = CheckDescription(
    id: "spf.multiple-strings", family: .spf, title: "SPF record split over several strings",
    summary: "The SPF TXT record holds several character-strings, which receivers join without spaces.",
    rationale: """
      One TXT character-string holds at most 255 bytes (RFC 1035 §3.3), so a longer SPF record
      must be written as several quoted strings in one TXT record. Receivers concatenate them
      *without* adding spaces (RFC 7208 §3.3): `"v=spf1 ip4:192.0.2.1" " -all"` is right,
      `"v=spf1 ip4:192.0.2.1" "-all"` joins into `ip4:192.0.2.1-all`. A single string over 255
      bytes cannot be published at all: zone loaders reject the line, and some DNS hosting panels
      split it silently at byte 255 or refuse it. This is informational; spf.string-boundary
      reports splits that lost a space.
      """,
    severity: .info, references: ["RFC 7208 §3.3", "RFC 1035 §3.3", "RFC 7208 §3.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "one string",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a long record in two strings",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24" " ip4:203.0.113.0/24 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let root = snapshot.spf.tree.root
    guard root.strings.count > 1, let record = root.record, let length = root.length else { return [] }
    let sizes = root.strings.map(String.init).joined(separator: " + ")
    return [
      finding(
        "the SPF record (\(length) bytes) is published as \(root.strings.count) character-strings (\(sizes) "
          + "bytes) that receivers join without spaces", subject: snapshot.spf.subject, record: record)
    ]
  }
}
