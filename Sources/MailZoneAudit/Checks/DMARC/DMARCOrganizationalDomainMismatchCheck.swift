/// The RFC 9989 tree walk and the RFC 7489 Public Suffix List name different organizational domains.
public struct DMARCOrganizationalDomainMismatchCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.org-domain-disagreement", family: .dmarc, title: "Organizational domain depends on the receiver",
    summary: "The RFC 9989 DNS tree walk and the RFC 7489 Public Suffix List give different organizational domains.",
    rationale: """
      Relaxed alignment and the inheritance of policies work on the organizational domain. RFC 7489
      receivers find it with the Public Suffix List (the registered domain); RFC 9989 receivers find
      it with the DNS tree walk (the highest name with a DMARC record, or a `psd` tag). When the two
      disagree, the same message can align at one receiver and fail at another, and a subdomain can
      inherit different policies. Publishing a record at the registered domain (or `psd=n` where a
      subdomain is its own organization) makes both methods agree.
      """,
    severity: .warning, references: ["RFC 9989 §4.10.2", "RFC 7489 §3.2"],
    examples: [
      CheckExample(
        .passes, domain: "mail.corp.test", note: "both methods give corp.test",
        zone: """
          $ORIGIN corp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          mail 300 A 192.0.2.50
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@corp.test"
          """),
      CheckExample(
        .fails, domain: "a.eu.corp.test", note: "the only record is at eu.corp.test; the PSL says corp.test",
        zone: """
          $ORIGIN corp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          a.eu 300 A 192.0.2.51
          _dmarc.eu 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@eu.corp.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard dmarc.organizationalDomainsDisagree, dmarc.walk.failures.isEmpty,
      let psl = dmarc.organizationalDomainPSL
    else { return [] }
    let walk = dmarc.organizationalDomainTreeWalk
    return [
      finding(
        "the organizational domain of \(snapshot.domain) is \(walk) by the RFC 9989 DNS tree walk but \(psl) by "
          + "the Public Suffix List (RFC 7489): relaxed alignment and inherited policy differ between receivers",
        subject: DMARCFix.subject(dmarc.location, fallback: snapshot.domain))
    ]
  }
}
