import MailZoneRecords

/// `adkim=s` or `aspf=s`: only identical domains align.
public struct DMARCStrictAlignmentCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.strict-alignment", family: .dmarc, title: "Strict identifier alignment",
    summary: "adkim=s or aspf=s: a DKIM or SPF domain aligns only when it is identical to the From domain.",
    rationale: """
      With relaxed alignment (the default) `d=mail.example.com` or a bounce domain
      `bounce.example.com` aligns with `From: example.com`, because they share the organizational
      domain. Strict mode demands the exact domain, which many sending services (ESPs with custom
      bounce domains, signing with a subdomain) do not produce, so legitimate mail fails DMARC.
      Strict mode is a valid choice when every sender is known to use the exact domain; this is a
      reminder, not a fault.
      """,
    severity: .info, references: ["RFC 9989 §4.7", "RFC 9989 §4.4", "RFC 7489 §3.1"],
    examples: [
      CheckExample(
        .passes, domain: "relaxed.test", note: "default relaxed alignment",
        zone: """
          $ORIGIN relaxed.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@relaxed.test"
          """),
      CheckExample(
        .fails, domain: "exact.test", note: "both modes strict",
        zone: """
          $ORIGIN exact.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; adkim=s; aspf=s; rua=mailto:dmarc@exact.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let record = dmarc.record, let location = dmarc.location else { return [] }
    let strict = [("adkim", record.dkimAlignment, "DKIM d="), ("aspf", record.spfAlignment, "SPF MAIL FROM")]
      .filter { $0.1 == .strict }
    guard !strict.isEmpty else { return [] }
    let names = strict.map { "\($0.0)=s" }.joined(separator: " and ")
    let identities = strict.map(\.2).joined(separator: " and ")
    let offset = dmarc.parsedRecord?.tags.first { $0.name.lowercased() == strict[0].0 }?.offset
    return [
      finding(
        "\(names): the \(identities) domain must equal the From domain exactly; mail signed or bounced through "
          + "a subdomain or another host of the organization fails DMARC",
        subject: "\(location) TXT", record: dmarc.recordText, offset: offset)
    ]
  }
}
