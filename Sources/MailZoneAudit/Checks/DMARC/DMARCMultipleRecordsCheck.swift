/// Several `v=DMARC1` records at one `_dmarc` name: receivers discard them all.
public struct DMARCMultipleRecordsCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.multiple-records", family: .dmarc, title: "Several DMARC records",
    summary: "More than one v=DMARC1 TXT record at _dmarc, so receivers discard every one of them.",
    rationale: """
      A receiver that finds several DMARC records at one name cannot tell which one the owner meant,
      so it discards all of them (RFC 9989 §4.10 step 2, RFC 7489 §6.6.3) and behaves as if the
      domain published none: no policy, no reports. This usually happens when a new record is
      added beside the old one instead of replacing it. Keep exactly one.
      """,
    severity: .error, references: ["RFC 9989 §4.10", "RFC 7489 §6.6.3"],
    examples: [
      CheckExample(
        .passes, domain: "one.test", note: "one record beside an unrelated TXT",
        zone: """
          $ORIGIN one.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@one.test"
          _dmarc 300 TXT "verification=abc123"
          """),
      CheckExample(
        .fails, domain: "two.test", note: "an old p=none record left beside the new p=reject one",
        zone: """
          $ORIGIN two.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=none; rua=mailto:dmarc@two.test"
          _dmarc 300 TXT "v=DMARC1; p=reject"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let direct = snapshot.dmarc.direct
    guard direct.records.count > 1 else { return [] }
    let inherited =
      snapshot.dmarc.source.map {
        "receivers fall back to the record of \(snapshot.dmarc.policyDomain ?? snapshot.domain) (\($0.rawValue))"
      }
      ?? "receivers treat the domain as having no DMARC record"
    return [
      finding(
        "\(direct.records.count) DMARC records at \(direct.answer.name); all of them are discarded and \(inherited)",
        subject: "\(direct.answer.name) TXT", record: direct.records.map(\.text).joined(separator: "\n"))
    ]
  }
}
