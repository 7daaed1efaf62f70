public import MailZoneDNS

/// A mail-authentication record cached for more than a week.
public struct ZoneTTLTooLongCheck: ZoneCheck {
  public static let description = CheckDescription(
    id: "zone.ttl-too-long", family: .zone, title: "TTL over a week on a mail-authentication record",
    summary:
      "An SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI or MX record (or an MX host's address) has a TTL over 604800.",
    rationale: """
      Resolvers keep a record for its TTL (RFC 2181 §8), so a fix to SPF, a rotated DKIM key or
      a stricter DMARC policy takes that long to reach every receiver, and a mistake stays as
      long. Many resolvers cap TTLs at a day or a week anyway, so the long value gains nothing.
      Keep mail-authentication records at an hour to a day.
      """,
    severity: .warning, references: ["RFC 2181 §8", "RFC 1035 §3.2.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "one day",
        zone: """
          $ORIGIN acme.test.
          @ 86400 SOA ns hostmaster 1 3600 600 86400 300
          @ 86400 MX 10 mx.acme.test.
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "SPF cached for thirty days",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 2592000 TXT "v=spf1 -all"
          """),
    ])

  /// One week, the longest TTL that does not draw the finding.
  static let limit: UInt32 = 604_800

  public init() {}

  public func evaluate(_ source: ZoneSource) -> [Finding] {
    guard let file = source.file else { return [] }
    return AuthRecords.entries(in: file).filter { $0.entry.record.ttl > Self.limit }.map { entry, kind in
      finding(
        "the \(kind) record has TTL \(entry.record.ttl) (over a week): a fix takes that long to reach receivers",
        in: source, entry: entry, column: entry.ttlColumn ?? entry.column, subject: Self.subject(entry.record),
        record: Self.line(entry.record))
    }
  }
}
