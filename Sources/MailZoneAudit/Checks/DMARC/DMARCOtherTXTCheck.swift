import MailZoneDNS
import MailZoneRecords

/// TXT at `_dmarc` that is not DMARC at all, typically synthesized by a wildcard.
public struct DMARCOtherTXTCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.not-dmarc-txt", family: .dmarc, title: "TXT at _dmarc that is not DMARC",
    summary: "_dmarc answers with TXT that is not a DMARC record, often synthesized by a wildcard SPF record.",
    rationale: """
      A wildcard TXT (`*.example.com TXT "v=spf1 ..."`) answers every name that does not exist,
      `_dmarc.example.com` included (RFC 4592). Receivers discard TXT that does not start with
      `v=DMARC1` (RFC 9989 §4.10), so the domain has no DMARC record, yet a quick `dig` shows
      "something" there. Publishing a real record at `_dmarc` ends the synthesis for that name.
      Stray TXT beside a real DMARC record is harmless but confusing.
      """,
    severity: .warning, references: ["RFC 9989 §4.10", "RFC 4592 §2.2.1"],
    examples: [
      CheckExample(
        .passes, domain: "wild.test", note: "a wildcard SPF exists, but _dmarc has its own record",
        zone: """
          $ORIGIN wild.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          * 300 TXT "v=spf1 -all"
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@wild.test"
          """),
      CheckExample(
        .fails, domain: "wild.test", note: "the wildcard SPF record answers _dmarc.wild.test",
        zone: """
          $ORIGIN wild.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 mx -all"
          * 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "stray.test", note: "a verification token left at _dmarc beside the record (info)",
        zone: """
          $ORIGIN stray.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@stray.test"
          _dmarc 300 TXT "google-site-verification=abc123"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    let other = dmarc.otherTXT
    guard let first = other.first else { return [] }
    let owner = dmarc.direct.answer.name
    let hasDMARC = !dmarc.direct.records.isEmpty
    let more = other.count > 1 ? " (and \(other.count - 1) more)" : ""
    let origin =
      dmarc.otherTXTFromWildcard
      ? "\(owner) is answered by a wildcard (a name that cannot exist gets the same TXT): \"\(first.text)\"\(more) "
        + "is not DMARC"
      : "\(owner) holds TXT that is not DMARC: \"\(first.text)\"\(more)"
    let consequence =
      hasDMARC
      ? "receivers skip it and use the DMARC record beside it; remove it to avoid confusion"
      : "receivers discard it, so there is no DMARC record; publish one at \(owner)"
        + (dmarc.otherTXTFromWildcard ? " (which also ends the wildcard there)" : "")
    let fix = hasDMARC ? nil : DMARCFix.line(owner, DMARCFix.starter(for: snapshot.domain))
    return [
      finding(
        "\(origin); \(consequence)",
        subject: "\(owner) TXT", record: first.text, offset: 0, fix: fix, severity: hasDMARC ? .info : nil)
    ]
  }
}
