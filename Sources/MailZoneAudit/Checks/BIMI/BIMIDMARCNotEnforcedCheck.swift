import MailZoneRecords

/// A BIMI record on a domain whose DMARC policy does not enforce.
public struct BIMIDMARCNotEnforcedCheck: Check {
  public static let description = CheckDescription(
    id: "bimi.dmarc-not-enforced", family: .bimi, title: "BIMI without an enforcing DMARC policy",
    summary: "The domain publishes BIMI, but the DMARC policy applied to it is not quarantine or reject at 100%.",
    rationale: """
      Receivers show a BIMI indicator only for mail that passes DMARC under an enforcing policy:
      `p=quarantine` or `p=reject`, a subdomain policy that is not `none`, and no `pct` below 100
      (BIMI draft, DMARC requirements). With `p=none` anyone can send mail that passes as the
      brand, so no logo is shown. Move DMARC to `quarantine`, then `reject`, once reports show
      legitimate mail aligned. The policy judged is the one applied to the domain's own mail: its
      own record's `p`, or the organizational domain's `sp` (RFC 9989 tree walk).
      """,
    severity: .error,
    references: ["draft-brand-indicators-for-message-identification §4.2", "RFC 7489 §6.3"],
    examples: [
      CheckExample(
        .passes, domain: "enforced.test", note: "p=reject",
        zone: """
          \(ExampleZone.header("enforced.test"))
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@enforced.test"
          default._bimi 300 TXT "v=BIMI1; l=https://enforced.test/logo.svg"
          """),
      CheckExample(
        .fails, domain: "monitor.test", note: "p=none",
        zone: """
          \(ExampleZone.header("monitor.test"))
          _dmarc 300 TXT "v=DMARC1; p=none; rua=mailto:dmarc@monitor.test"
          default._bimi 300 TXT "v=BIMI1; l=https://monitor.test/logo.svg"
          """),
      CheckExample(
        .fails, domain: "subs.test", note: "p=reject, but sp=none leaves subdomains unenforced",
        zone: """
          \(ExampleZone.header("subs.test"))
          _dmarc 300 TXT "v=DMARC1; p=reject; sp=none"
          default._bimi 300 TXT "v=BIMI1; l=https://subs.test/logo.svg"
          """),
      CheckExample(
        .passes, domain: "news.brand.test", note: "a subdomain under the organizational domain's enforcing sp",
        zone: """
          \(ExampleZone.header("brand.test"))
          _dmarc 300 TXT "v=DMARC1; p=reject"
          default._bimi.news 300 TXT "v=BIMI1; l=https://brand.test/logo.svg"
          news 300 A 192.0.2.80
          """),
      CheckExample(
        .fails, domain: "nodmarc.test", note: "no DMARC record",
        zone: """
          \(ExampleZone.header("nodmarc.test"))
          default._bimi 300 TXT "v=BIMI1; l=https://nodmarc.test/logo.svg"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    // A declination (empty l=) asks for no indicator, and needs no policy.
    guard snapshot.policies.bimi.records.contains(where: { $0.record.map { !$0.isDeclination } ?? true }),
      let dmarc = AppliedDMARC(snapshot)
    else { return [] }
    let subject = "\(dmarc.owner) TXT"
    guard let policy = dmarc.policy else {
      return [
        finding(
          "\(snapshot.domain) publishes BIMI, but no DMARC policy applies to it: receivers show no indicator",
          subject: subject, fix: dmarc.fix(policy: .quarantine))
      ]
    }
    var weak: [String] = []
    if policy == .none { weak.append("p=none\(dmarc.inheritance)") }
    if policy != .none, dmarc.isOwn, snapshot.dmarc.subdomainPolicy == DMARCPolicy.none { weak.append("sp=none") }
    if let percent = dmarc.percent, percent < 100 { weak.append("pct=\(percent)") }
    guard !weak.isEmpty else { return [] }
    return [
      finding(
        "\(snapshot.domain) publishes BIMI, but its DMARC policy does not enforce (\(weak.joined(separator: ", "))): "
          + "receivers show no indicator",
        subject: subject, record: dmarc.text, fix: dmarc.fix(policy: policy == .none ? .quarantine : policy))
    ]
  }
}
