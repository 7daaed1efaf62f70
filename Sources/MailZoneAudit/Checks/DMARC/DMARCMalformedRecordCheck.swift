import MailZoneDNS
import MailZoneRecords

/// A DMARC record that does not parse, or TXT at `_dmarc` meant as DMARC that does not start with
/// `v=DMARC1`.
public struct DMARCMalformedRecordCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.malformed", family: .dmarc, title: "Malformed DMARC record",
    summary: "The DMARC record breaks the RFC 9989 grammar; the finding points at the offending byte.",
    rationale: """
      RFC 9989 receivers drop the tags they cannot read and fall back to defaults; RFC 7489
      receivers may reject the whole record. Either way the policy the owner wrote is not the one
      applied: an invalid `p` (`p=rejected`) makes receivers act as `p=none` when `rua` is valid and
      apply no DMARC at all otherwise (RFC 9989 §4.10.1). A record whose `v=DMARC1` is not the very
      first thing in the TXT value (`p=none; v=DMARC1`, a leading space, `v=dmarc1`) is not a DMARC
      record at all and is ignored (RFC 9989 §4.7: `v` "MUST be the first tag").
      """,
    severity: .error, references: ["RFC 9989 §4.7", "RFC 9989 §4.8", "RFC 9989 §4.10.1", "RFC 7489 §6.4"],
    examples: [
      CheckExample(
        .passes, domain: "good.test", note: "a record that parses",
        zone: """
          $ORIGIN good.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; adkim=s; rua=mailto:dmarc@good.test"
          """),
      CheckExample(
        .fails, domain: "typo.test", note: "p=rejected is not a policy",
        zone: """
          $ORIGIN typo.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=rejected; rua=mailto:dmarc@typo.test"
          """),
      CheckExample(
        .fails, domain: "order.test", note: "the version tag is not first, so this is no DMARC record",
        zone: """
          $ORIGIN order.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "p=none; v=DMARC1; rua=mailto:dmarc@order.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    var records = dmarc.direct.records.map { (dmarc.direct.answer.name, $0) }
    if let applicable = dmarc.applicable, applicable.domain != snapshot.domain {
      records += applicable.lookup.records.map { (applicable.lookup.answer.name, $0) }
    }
    var findings: [Finding] = []
    for (owner, parsed) in records {
      guard let error = parsed.error else { continue }
      let reading = DMARCReading(parsed.text)
      // Only a record whose policy survives is worth rewriting without the broken tags.
      let keepsPolicy = reading.droppedTags.allSatisfy { !["p", "sp", "np"].contains($0) }
      let fix = reading.record.flatMap { keepsPolicy ? DMARCFix.line(owner, $0) : nil }
      findings.append(
        finding(
          "the DMARC record at \(owner) does not parse: \(error.message)", subject: "\(owner) TXT",
          record: parsed.text, offset: error.offset, fix: fix))
    }
    let owner = dmarc.direct.answer.name
    for txt in dmarc.misplacedVersionRecords {
      findings.append(
        finding(
          "TXT at \(owner) mentions v=DMARC1 but does not start with it, so receivers ignore it: the value must "
            + "begin with exactly 'v=DMARC1'",
          subject: "\(owner) TXT", record: txt.text, offset: versionOffset(txt.text),
          fix: reordered(txt.text).map { DMARCFix.line(owner, $0) }))
    }
    return findings
  }

  /// Where the version goes wrong: the parser's offset for a misspelt version, else the start of
  /// the `v` tag wherever it is.
  private func versionOffset(_ text: String) -> Int {
    do {
      _ = try DMARCRecord.parse(text)
    } catch {
      if error.code != .notDMARC { return error.offset }
    }
    let segments = DMARCReading.segments(Array(text.utf8))
    return segments.first { $0.tag?.name == "v" }?.range.lowerBound ?? 0
  }

  /// The record with its version tag moved to the front and spelt `DMARC1`, if that parses.
  private func reordered(_ text: String) -> DMARCRecord? {
    let tags = DMARCReading.tags(of: text).filter { $0.name != "v" }
    let rebuilt = (["v=DMARC1"] + tags.map { "\($0.name)=\($0.value)" }).joined(separator: "; ")
    return try? DMARCRecord.parse(rebuilt)
  }
}
