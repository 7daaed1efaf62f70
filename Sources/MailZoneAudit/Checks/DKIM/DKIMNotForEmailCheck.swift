/// A key whose `s=` service list leaves out email.
public struct DKIMNotForEmailCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.not-for-email", family: .dkim, title: "DKIM key not usable for email",
    summary: "A key record whose s= lists neither email nor *, so mail signatures with it fail.",
    rationale: """
      `s=` names the services a key may be used for; "Verifiers for a given service type MUST
      ignore this record if the appropriate type is not listed" (RFC 6376 §3.6.1). A key with
      `s=tlsrpt` (RFC 8460 §3) signs only TLS reports, which is fine when that is the intent; a
      mail signer using it fails. Add `email` to `s=`, or drop `s=` (the default is `*`).
      """,
    severity: .warning, references: ["RFC 6376 §3.6.1", "RFC 8460 §3"],
    examples: [
      CheckExample(
        .passes, domain: "mail.test", note: "s=email",
        zone: """
          \(ExampleZone.header("mail.test"))
          k1._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; p=" + DKIMExampleKeys.rsa2048 + "; s=email"))
          """),
      CheckExample(
        .fails, domain: "reports.test", note: "s=tlsrpt only",
        zone: """
          \(ExampleZone.header("reports.test"))
          k1._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; p=" + DKIMExampleKeys.rsa2048 + "; s=tlsrpt"))
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.compactMap { key in
      guard var record = key.record, !record.isRevoked, !record.services.contains(where: { $0 == "email" || $0 == "*" })
      else { return nil }
      record.requestedServices = ["email"] + record.services
      return finding(
        "\(key.label) is limited to s=\(record.services.dropFirst().joined(separator: ":")): verifiers ignore it "
          + "for mail; add email if the domain signs mail with it\(key.ownerHint)",
        subject: key.subject, record: key.text, offset: key.offset(ofTag: "s"), fix: key.fix(record))
    }
  }
}
