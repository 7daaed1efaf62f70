public import MailZoneDNS

/// A mail-authentication record with TTL 0.
public struct ZoneTTLZeroCheck: ZoneCheck {
  public static let description = CheckDescription(
    id: "zone.ttl-zero", family: .zone, title: "TTL 0 on a mail-authentication record",
    summary: "An SPF, DMARC, DKIM, MTA-STS, TLS-RPT, BIMI or MX record (or an MX host's address) has TTL 0.",
    rationale: """
      TTL 0 tells resolvers not to cache the record (RFC 1035 §3.2.1, RFC 2181 §8), so every
      message a receiver checks costs a query to the authoritative servers, and any outage of
      those servers fails SPF, DKIM and DMARC at once instead of being covered by caches. A few
      minutes to an hour (300-3600) keeps changes quick without that cost.
      """,
    severity: .warning, references: ["RFC 2181 §8", "RFC 1035 §3.2.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "five minutes",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "DMARC never cached",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 0 TXT "v=DMARC1; p=reject"
          """),
    ])

  public init() {}

  public func evaluate(_ source: ZoneSource) -> [Finding] {
    guard let file = source.file else { return [] }
    return AuthRecords.entries(in: file).filter { $0.entry.record.ttl == 0 }.map { entry, kind in
      finding(
        "the \(kind) record has TTL 0, so no resolver caches it: every check queries the authoritative servers",
        in: source, entry: entry, column: entry.ttlColumn ?? entry.column, subject: Self.subject(entry.record),
        record: Self.line(entry.record))
    }
  }
}
