import MailZoneRecords

/// Tags RFC 9989 removed (`pct=100`, an invalid `pct`, `rf`, `ri`): harmless noise or a silent mistake.
public struct DMARCRemovedTagCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.removed-tag", family: .dmarc, title: "Tag removed by RFC 9989",
    summary: "The record uses pct, rf or ri, which RFC 9989 removed and its receivers ignore.",
    rationale: """
      RFC 9989 dropped `pct` (partial enforcement), `rf` (failure report format: only AFRF was ever
      used) and `ri` (report interval: receivers send daily whatever it says). Its receivers ignore
      them, and RFC 7489 receivers read `pct=100`, `rf=afrf` and `ri=86400` as the defaults they
      are, so the tags only add length. A `pct` outside 0-100 is worse: RFC 7489 receivers may
      reject the record as malformed. Removing them changes nothing for receivers that work.
      """,
    severity: .info, references: ["RFC 9989 §4.7", "RFC 7489 §6.3"],
    examples: [
      CheckExample(
        .passes, domain: "lean.test", note: "only tags RFC 9989 defines",
        zone: """
          $ORIGIN lean.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@lean.test"
          """),
      CheckExample(
        .fails, domain: "legacy.test", note: "pct=100, rf and ri from an old generator",
        zone: """
          $ORIGIN legacy.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; pct=100; rf=afrf; ri=86400; rua=mailto:dmarc@legacy.test"
          """),
      CheckExample(
        .fails, domain: "over.test", note: "pct=150 is outside 0-100",
        zone: """
          $ORIGIN over.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=quarantine; pct=150"
          """),
    ])

  public init() {}

  private static let removed: Set<String> = ["pct", "rf", "ri"]

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let record = dmarc.parsedRecord, let location = dmarc.location else { return [] }
    // pct below 100 is dmarc.partial-percentage's.
    let tags = record.tags.filter { tag in
      let name = tag.name.lowercased()
      guard Self.removed.contains(name) else { return false }
      return name != "pct" || (record.requestedPercent ?? 100) >= 100
    }
    guard let first = tags.first else { return [] }
    var cleaned = record
    cleaned.requestedPercent = nil
    cleaned.requestedReportFormats = nil
    cleaned.requestedReportInterval = nil
    cleaned.otherTags.removeAll { Self.removed.contains($0.name.lowercased()) }
    let invalidPercent = record.requestedPercent == nil && tags.contains { $0.name.lowercased() == "pct" }
    let names = tags.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
    let detail =
      invalidPercent
      ? "; the pct value is outside 0-100, which RFC 7489 receivers may treat as a malformed record"
      : "; only RFC 7489 receivers read them, and reports come daily in AFRF in practice"
    return [
      finding(
        "\(names): removed in RFC 9989 and ignored by its receivers\(detail)", subject: "\(location) TXT",
        record: dmarc.recordText, offset: first.offset, fix: DMARCFix.line(location, cleaned),
        severity: invalidPercent ? .warning : nil)
    ]
  }
}
