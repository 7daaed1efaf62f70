/// A domain that neither sends nor receives mail, missing part of the parked-domain recipe.
public struct ParkedDomainRecipeCheck: Check {
  public static let description = CheckDescription(
    id: "domain.parked-recipe", family: .domain, title: "Parked domain not locked down",
    summary: "A domain that sends and receives no mail lacks part of the recipe: null MX, v=spf1 -all, DMARC p=reject.",
    rationale: """
      A domain with no mail servers and no senders is still a name spammers can forge. Three
      records say "no mail here" in every language receivers speak:

      - `MX 0 .`, the null MX (RFC 7505 §3): senders fail at once instead of queueing for the
        domain's A record;
      - `v=spf1 -all` (RFC 7208 §5.1): no server may send as the domain;
      - `_dmarc TXT "v=DMARC1; p=reject"` (RFC 7489 §6.3): receivers reject what fails, which
        is everything. A subdomain covered by its organizational domain's `sp=reject` (RFC 9989
        tree walk) needs no record of its own.

      Optionally, `*._domainkey TXT "v=DKIM1; p="` revokes every selector. The check applies when
      the domain has no MX (or only the null MX), its SPF authorizes no one (or is missing) and no
      DKIM key is in use; each missing piece is one finding with its zone line.
      """,
    severity: .warning, references: ["RFC 7505 §3", "RFC 7208 §5.1", "RFC 7489 §6.3"],
    examples: [
      CheckExample(
        .passes, domain: "parked.test", note: "the full recipe",
        zone: """
          \(ExampleZone.header("parked.test"))
          @ 300 MX 0 .
          @ 300 TXT "v=spf1 -all"
          _dmarc 300 TXT "v=DMARC1; p=reject"
          """),
      CheckExample(
        .passes, domain: "active.test", note: "a domain that receives mail is not parked",
        zone: """
          \(ExampleZone.header("active.test"))
          @ 300 MX 10 mail.active.test.
          mail 300 A 192.0.2.25
          """),
      CheckExample(
        .passes, domain: "old.brand.test", note: "a parked subdomain under the organization's p=reject",
        zone: """
          \(ExampleZone.header("brand.test"))
          @ 300 MX 10 mail.brand.test.
          @ 300 TXT "v=spf1 mx -all"
          _dmarc 300 TXT "v=DMARC1; p=reject"
          mail 300 A 192.0.2.25
          old 300 MX 0 .
          old 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "web.test", note: "a website-only domain with no mail records at all",
        zone: """
          \(ExampleZone.header("web.test"))
          @ 300 A 192.0.2.80
          """),
      CheckExample(
        .fails, domain: "half.test", note: "null MX and SPF, but DMARC only monitors",
        zone: """
          \(ExampleZone.header("half.test"))
          @ 300 MX 0 .
          @ 300 TXT "v=spf1 -all"
          _dmarc 300 TXT "v=DMARC1; p=none"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    guard MailUse.exists(snapshot), !MailUse.receives(snapshot), MailUse.sendsNothing(snapshot),
      snapshot.mx.failures.isEmpty, snapshot.spf.failures.isEmpty
    else { return [] }
    let domain = snapshot.domain
    var findings: [Finding] = []
    if !snapshot.mx.nullMX {
      findings.append(
        finding(
          "\(domain) sends and receives no mail but has no null MX: senders queue mail for it and retry for days",
          subject: "\(domain) MX", fix: ZoneLine.nullMX(domain), severity: .info))
    }
    if let spf = spfFinding(snapshot) { findings.append(spf) }
    if let dmarc = dmarcFinding(snapshot) { findings.append(dmarc) }
    return findings
  }

  private func spfFinding(_ snapshot: DomainSnapshot) -> Finding? {
    let domain = snapshot.domain
    let fix = ZoneLine.txt(domain, "v=spf1 -all")
    switch snapshot.spf.lookup {
    case .found(let record, let txt):
      guard record.rendered != "v=spf1 -all" else { return nil }
      return finding(
        "\(domain) authorizes no sender, but its SPF record does not say so outright: publish v=spf1 -all so "
          + "receivers fail forged mail", subject: "\(domain) TXT", record: txt.text, fix: fix)
    case .none:
      return finding(
        "\(domain) sends no mail but has no SPF record: publish v=spf1 -all so receivers fail forged mail",
        subject: "\(domain) TXT", fix: fix)
    case .multiple, .malformed, .dnsError:
      return nil
    }
  }

  private func dmarcFinding(_ snapshot: DomainSnapshot) -> Finding? {
    guard let dmarc = AppliedDMARC(snapshot), dmarc.policy != .reject || (dmarc.percent ?? 100) < 100 else {
      return nil
    }
    let subject = "\(dmarc.owner) TXT"
    guard let policy = dmarc.policy else {
      return finding(
        "\(snapshot.domain) sends no mail but no DMARC policy applies to it: publish p=reject so receivers "
          + "reject forgeries", subject: subject, fix: dmarc.fix(policy: .reject))
    }
    let percent = (dmarc.percent ?? 100) < 100 ? " at pct=\(dmarc.percent ?? 100)" : ""
    return finding(
      "\(snapshot.domain) sends no mail but its DMARC policy is \(policy.rawValue)\(percent)\(dmarc.inheritance): "
        + "set p=reject so receivers reject forgeries",
      subject: subject, record: dmarc.text, fix: dmarc.fix(policy: .reject))
  }
}
