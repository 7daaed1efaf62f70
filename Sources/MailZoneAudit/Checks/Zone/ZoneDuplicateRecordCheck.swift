public import MailZoneDNS

/// The same record written twice.
public struct ZoneDuplicateRecordCheck: ZoneCheck {
  public static let description = CheckDescription(
    id: "zone.duplicate-record", family: .zone, title: "Duplicate record",
    summary: "The same owner, type and data appear on two lines; DNS serves one, so one line is dead.",
    rationale: """
      An RRset is a set (RFC 2181 §5): servers drop the duplicate, so the second line has no
      effect. It is usually an edit gone wrong, a record copied to change it and left unchanged,
      and whoever edits the first copy later will wonder why nothing changes. The finding is at
      the later line.
      """,
    severity: .warning, references: ["RFC 2181 §5"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "two different MX records",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx1
          @ 300 MX 20 mx2
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the same MX twice",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx1
          @ 300 MX 10 mx1.acme.test.
          """),
    ])

  public init() {}

  public func evaluate(_ source: ZoneSource) -> [Finding] {
    struct Key: Hashable {
      var owner: DNSName
      var type: RRType
      var data: RData
    }
    var first: [Key: ZoneFile.Entry] = [:]
    var findings: [Finding] = []
    for entry in source.file?.entries ?? [] {
      let record = entry.record
      let key = Key(owner: record.owner.lowercased, type: record.type, data: record.data)
      guard let earlier = first[key] else {
        first[key] = entry
        continue
      }
      let place = earlier.line.map { " on line \($0)" } ?? ""
      findings.append(
        finding(
          "this \(record.type) record repeats the one\(place); DNS serves it once, so delete one of the lines",
          in: source, entry: entry, subject: Self.subject(record), record: Self.line(record)))
    }
    return findings
  }
}
