import MailZoneRecords

/// `ruf` is set: per-message failure reports, which few receivers send and which carry personal data.
public struct DMARCFailureReportsCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.failure-reports-requested", family: .dmarc, title: "Failure reports requested (ruf)",
    summary: "The record asks for per-message failure reports, which most receivers never send.",
    rationale: """
      Failure (forensic) reports can contain the headers and even the body of individual messages,
      so they carry personal data of the recipients (RFC 9989 §10 and the privacy considerations
      of the failure reporting specification). Most large mailbox providers do not send them for
      that reason, so an empty `ruf` mailbox is normal, and the owner must be ready to handle the
      ones that arrive under the applicable privacy law. Aggregate reports (`rua`) are the tool to
      rely on.
      """,
    severity: .info, references: ["RFC 9989 §4.7", "RFC 7489 §7.3", "RFC 7489 §9.5"],
    examples: [
      CheckExample(
        .passes, domain: "agg.test", note: "aggregate reports only",
        zone: """
          $ORIGIN agg.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@agg.test"
          """),
      CheckExample(
        .fails, domain: "forensic.test", note: "ruf with fo=1",
        zone: """
          $ORIGIN forensic.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@forensic.test; ruf=mailto:fr@forensic.test; fo=1"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let location = dmarc.location, !dmarc.failureReportURIs.isEmpty else { return [] }
    let uris = dmarc.failureReportURIs.map(\.uri).joined(separator: ", ")
    let offset = dmarc.parsedRecord?.tags.first { $0.name.lowercased() == "ruf" }?.offset
    return [
      finding(
        "ruf=\(uris) asks for per-message failure reports: most receivers do not send them, and those that "
          + "arrive can contain message content and personal data",
        subject: "\(location) TXT", record: dmarc.recordText, offset: offset)
    ]
  }
}
