public import MailZoneDNS

/// A zone file fault that ldns accepts silently or rejects: the record is not what was meant.
public struct ZoneSyntaxCheck: ZoneCheck {
  public static let description = CheckDescription(
    id: "zone.syntax", family: .zone, title: "Zone file syntax",
    summary: "The zone file breaks a master-file rule, so a record is lost or is not what was written.",
    rationale: """
      RFC 1035 §5.1 defines the master-file format. ldns, like other loaders, accepts some broken
      files without a word: an unclosed quote swallows the next records into one TXT string, a
      missing `)` makes the rest of the file one record, a bad `$TTL` is ignored and an unknown
      `$` directive is skipped. Others it rejects, and a server refuses the whole zone. Each fault
      is reported at its line and column with the rule broken (`unterminated-quote`,
      `unbalanced-parenthesis`, `bad-ttl`, `unknown-directive`, `no-origin`, `syntax`, ...); the
      record is left out and the rest of the file is still checked.
      """,
    severity: .error, references: ["RFC 1035 §5.1", "RFC 2308 §4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "closed quotes, a valid $TTL",
        zone: """
          $ORIGIN acme.test.
          $TTL 3600
          @ SOA ns hostmaster 1 3600 600 86400 300
          @ TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a quote left open swallows the following lines",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all
          _dmarc 300 TXT "v=DMARC1; p=reject"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "$TTL with a unit ldns does not know",
        zone: """
          $ORIGIN acme.test.
          $TTL 1hour
          @ SOA ns hostmaster 1 3600 600 86400 300
          """),
    ])

  public init() {}

  public func evaluate(_ source: ZoneSource) -> [Finding] {
    source.faults.filter { $0.rule != .txtStringTooLong }.map { fault in
      finding(
        "\(fault.message) [\(fault.rule.rawValue)]", in: source, line: fault.line ?? 1, column: fault.column,
        subject: source.path,
        record: fault.line.flatMap(source.line).map(trimmed) ?? fault.rule.rawValue)
    }
  }
}
