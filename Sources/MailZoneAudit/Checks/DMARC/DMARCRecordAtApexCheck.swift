import MailZoneDNS
import MailZoneRecords

/// A `v=DMARC1` TXT record at the domain itself, where receivers never look.
public struct DMARCRecordAtApexCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.record-at-apex", family: .dmarc, title: "DMARC record at the domain instead of _dmarc",
    summary: "A v=DMARC1 TXT record is published at the domain itself; receivers only look under _dmarc.",
    rationale: """
      DMARC policy records live at `_dmarc.<domain>` (RFC 9989 §4.5, RFC 7489 §6.1). One published
      at the domain itself is never read, so the policy it states does not exist for receivers;
      it also sits among the SPF and verification TXT records that every lookup of the domain
      returns. Move it to `_dmarc`.
      """,
    severity: .warning, references: ["RFC 9989 §4.5", "RFC 7489 §6.1"],
    examples: [
      CheckExample(
        .passes, domain: "right.test", note: "SPF at the apex, DMARC at _dmarc",
        zone: """
          $ORIGIN right.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all"
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@right.test"
          """),
      CheckExample(
        .fails, domain: "apex.test", note: "the DMARC record was published at the apex",
        zone: """
          $ORIGIN apex.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all"
          @ 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@apex.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let first = dmarc.apexRecords.first else { return [] }
    let unprotected = !dmarc.exists
    let owner = DMARCFix.dmarcName(snapshot.domain)
    let moved = (try? DMARCRecord.parse(first.text)).map(\.rendered) ?? first.text
    let consequence =
      unprotected
      ? "and \(owner.map(\.description) ?? "_dmarc") has none, so the domain has no DMARC policy at all"
      : "beside the record at \(dmarc.location.map(\.description) ?? "_dmarc"), which is the one that applies"
    return [
      finding(
        "a DMARC record is published at \(snapshot.domain) itself, where receivers never look, \(consequence); "
          + "remove it from the apex" + (unprotected ? " and publish it at _dmarc" : ""),
        subject: "\(snapshot.domain) TXT", record: first.text, offset: 0,
        fix: unprotected ? owner.map { DMARCFix.line($0, text: moved) } : nil,
        severity: unprotected ? .error : nil)
    ]
  }
}
