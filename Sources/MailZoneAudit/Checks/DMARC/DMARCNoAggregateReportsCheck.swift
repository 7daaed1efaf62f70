import MailZoneRecords

/// The applicable record has no `rua`: nobody receives aggregate reports.
public struct DMARCNoAggregateReportsCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.no-aggregate-reports", family: .dmarc, title: "No aggregate reports (rua)",
    summary: "The DMARC record has no rua tag, so receivers send no aggregate reports about the domain.",
    rationale: """
      Aggregate reports are how an owner learns which servers send as the domain and whether they
      pass SPF and DKIM alignment. Without `rua` receivers MUST NOT send them (RFC 9989 §4.7), so
      moving from `p=none` to enforcement is guesswork and a broken sender is found by its users.
      A record without `p` and without `rua` is worse: receivers apply no DMARC at all
      (RFC 9989 §4.10.1). Add a mailbox (or a report processor) in `rua`.
      """,
    severity: .warning, references: ["RFC 9989 §4.7", "RFC 9989 §4.10.1", "RFC 7489 §6.3"],
    examples: [
      CheckExample(
        .passes, domain: "reports.test", note: "rua to a mailbox of the domain",
        zone: """
          $ORIGIN reports.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx.reports.test.
          mx 300 A 192.0.2.25
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@reports.test"
          """),
      CheckExample(
        .fails, domain: "blind.test", note: "p=reject but no rua",
        zone: """
          $ORIGIN blind.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let reading = dmarc.reading, let record = reading.record, let location = dmarc.location,
      record.aggregateReportURIs.isEmpty,
      reading.writtenValue("rua") == nil  // a broken rua is dmarc.malformed's
    else { return [] }
    let owner = dmarc.policyDomain ?? snapshot.domain
    var fixed = dmarc.parsedRecord
    fixed?.aggregateReportURIs = [DMARCFix.reportAddress(for: owner)]
    let noPolicy = dmarc.effectivePolicy == nil ? "; with no p either, receivers apply no DMARC at all" : ""
    return [
      finding(
        "the DMARC record for \(owner) has no rua: receivers send no aggregate reports, so nobody sees who "
          + "sends as the domain or whether it aligns\(noPolicy)",
        subject: "\(location) TXT", record: dmarc.recordText, fix: fixed.map { DMARCFix.line(location, $0) },
        severity: dmarc.effectivePolicy == nil ? .error : nil)
    ]
  }
}
