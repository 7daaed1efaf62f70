public import MailZoneDNS

/// A TXT character-string longer than 255 bytes: the record cannot be encoded.
public struct ZoneTXTStringTooLongCheck: ZoneCheck {
  public static let description = CheckDescription(
    id: "zone.txt-string-too-long", family: .zone, title: "TXT string over 255 bytes",
    summary: "A quoted TXT string is longer than the 255 bytes one character-string can hold.",
    rationale: """
      A TXT record is a sequence of character-strings, each a length byte and at most 255 bytes
      (RFC 1035 §3.3). Long SPF records and 2048-bit DKIM keys must be split into several quoted
      strings on one record, `"first part" "second part"`; receivers join them without spaces
      (RFC 7208 §3.3, RFC 6376 §3.6.2.2). A longer string is rejected by the zone loader, so the
      record is not published at all.
      """,
    severity: .error, references: ["RFC 1035 §3.3", "RFC 7208 §3.3"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a long value split into two strings",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "\(String(repeating: "a", count: 200))" "\(String(repeating: "b", count: 200))"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "one 300-byte string",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "\(String(repeating: "a", count: 300))"
          """),
    ])

  public init() {}

  public func evaluate(_ source: ZoneSource) -> [Finding] {
    source.faults.filter { $0.rule == .txtStringTooLong }.map { fault in
      finding(
        fault.message, in: source, line: fault.line ?? 1, column: fault.column, subject: source.path,
        record: fault.line.flatMap(source.line).map(trimmed))
    }
  }
}
