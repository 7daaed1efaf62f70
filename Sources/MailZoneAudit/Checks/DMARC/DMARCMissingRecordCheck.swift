/// No DMARC record applies to the domain: not at `_dmarc.<domain>`, not inherited.
public struct DMARCMissingRecordCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.missing", family: .dmarc, title: "No DMARC record",
    summary: "No DMARC record applies to the domain, neither its own nor one inherited by the DNS tree walk.",
    rationale: """
      Without a DMARC record, receivers apply no policy to mail that fails SPF and DKIM alignment:
      anyone can put the domain in the `From:` header and the mail is judged on content alone.
      Gmail and Yahoo require a DMARC record (at least `p=none`) from bulk senders, and without `rua`
      the owner never learns who sends as the domain. Start with `p=none` and aggregate reports,
      then move to `quarantine` and `reject` once the reports show every legitimate source aligned.
      A domain that sends no mail at all should publish `p=reject` straight away.
      """,
    severity: .error, references: ["RFC 9989 §4.10.1", "RFC 9989 §5.1.4", "RFC 7489 §6.6.3"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a record at _dmarc.acme.test",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@acme.test"
          """),
      CheckExample(
        .passes, domain: "mail.acme.test", note: "a subdomain inherits its organizational domain's record",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          mail 300 MX 10 mx.acme.test.
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@acme.test"
          """),
      CheckExample(
        .fails, domain: "bare.test", note: "SPF but no DMARC record anywhere on the way up",
        zone: """
          $ORIGIN bare.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    // Inconclusive lookups are dns.query-failed's, and a name outside the loaded zones is unknown, not
    // absent; broken or misplaced records have their own checks.
    guard !dmarc.exists, dmarc.walk.failures.isEmpty, dmarc.direct.answer.status.isConclusive,
      dmarc.misplacedVersionRecords.isEmpty,
      dmarc.apexRecords.isEmpty, let name = DMARCFix.dmarcName(snapshot.domain)
    else { return [] }
    let asked = dmarc.walk.steps.map { "_dmarc.\($0.domain)" }.joined(separator: ", ")
    return [
      finding(
        "no DMARC record applies to \(snapshot.domain) (asked \(asked)); receivers apply no policy to mail "
          + "that spoofs it and send no reports",
        subject: DMARCFix.subject(name, fallback: snapshot.domain),
        fix: DMARCFix.line(name, DMARCFix.starter(for: snapshot.domain)))
    ]
  }
}
