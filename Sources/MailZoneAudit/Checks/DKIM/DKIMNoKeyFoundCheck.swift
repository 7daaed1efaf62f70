/// A domain that sends or receives mail, and no DKIM key at any selector probed.
public struct DKIMNoKeyFoundCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.no-key-found", family: .dkim, title: "No DKIM key found",
    summary: "No DKIM key record was found at any probed selector of a domain that handles mail.",
    rationale: """
      DKIM signatures are verified with a public key published at `<selector>._domainkey.<domain>`
      (RFC 6376 §3.6.2.1). Without a key, mail from the domain carries no verifiable signature, and
      DMARC can pass only through an aligned SPF pass, which breaks on every forward. The audit
      probes the selectors given with `--selector`, the common ones and those the providers in
      SPF and MX use; a selector it cannot guess (Amazon SES tokens, dated selectors) is missed,
      so pass it with `--selector`. When `_domainkey.<domain>` itself does not exist, nothing below
      it can (RFC 8020 §2) and no selector is probed.
      """,
    severity: .warning, references: ["RFC 6376 §3.6.2.1", "RFC 8020 §2"],
    examples: [
      CheckExample(
        .passes, domain: "signed.test", note: "a 2048-bit key at the Google selector",
        zone: """
          \(ExampleZone.header("signed.test"))
          @ 300 MX 1 aspmx.l.google.com.
          @ 300 TXT "v=spf1 include:_spf.google.com -all"
          google._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .passes, domain: "custom.test", note: "a key at a selector given with --selector",
        zone: """
          \(ExampleZone.header("custom.test"))
          @ 300 TXT "v=spf1 ip4:192.0.2.10 -all"
          mail2024._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; p=" + DKIMExampleKeys.rsa2048))
          """, selectors: ["mail2024"]),
      CheckExample(
        .fails, domain: "unsigned.test", note: "SPF authorizes a server, but no key is published",
        zone: """
          \(ExampleZone.header("unsigned.test"))
          @ 300 MX 10 mail.unsigned.test.
          @ 300 TXT "v=spf1 mx -all"
          mail 300 A 192.0.2.25
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dkim = snapshot.dkim
    guard dkim.keys.isEmpty, dkim.failures.isEmpty, MailUse.exists(snapshot) else { return [] }
    // A domain that neither sends nor receives is the parked-domain recipe's business.
    guard MailUse.spfSenders(snapshot) == .some || MailUse.receives(snapshot) else { return [] }
    let subject = "\(dkim.domainKey.name) TXT"
    if dkim.skippedNoDomainKey {
      return [
        finding(
          "\(dkim.domainKey.name) does not exist (NXDOMAIN), so no DKIM key is published for \(snapshot.domain): "
            + "receivers cannot verify any signature from it", subject: subject)
      ]
    }
    let given = dkim.probed.filter { $0.origin == .given }.map(\.selector)
    let hint = given.isEmpty ? "; if mail is signed with another selector, pass it with --selector" : ""
    return [
      finding(
        "no DKIM key at any of the \(dkim.probed.count) selectors probed for \(snapshot.domain)\(hint)",
        subject: subject)
    ]
  }
}
