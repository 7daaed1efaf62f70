import MailZoneRecords

/// A BIMI record on a domain whose DMARC policy does not enforce.
public struct BIMIDMARCNotEnforcedCheck: Check {
  public static let description = CheckDescription(
    id: "bimi.dmarc-not-enforced", family: .bimi, title: "BIMI without an enforcing DMARC policy",
    summary: "The domain publishes BIMI, but its DMARC policy is not quarantine or reject at 100%.",
    rationale: """
      Receivers show a BIMI indicator only for mail that passes DMARC under an enforcing policy:
      `p=quarantine` or `p=reject`, a subdomain policy that is not `none`, and no `pct` below 100
      (BIMI draft, DMARC requirements). With `p=none` anyone can send mail that passes as the
      brand, so no logo is shown. Move DMARC to `quarantine`, then `reject`, once reports show
      legitimate mail aligned. Only the record at `_dmarc.<domain>` itself is read here.
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
        .fails, domain: "nodmarc.test", note: "no DMARC record",
        zone: """
          \(ExampleZone.header("nodmarc.test"))
          default._bimi 300 TXT "v=BIMI1; l=https://nodmarc.test/logo.svg"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let bimi = snapshot.policies.bimi
    let dmarc = snapshot.dmarc.direct
    // A declination (empty l=) asks for no indicator, and needs no policy.
    guard bimi.records.contains(where: { $0.record.map { !$0.isDeclination } ?? true }), dmarc.failure == nil,
      dmarc.answer.status.isConclusive
    else { return [] }
    let subject = "\(dmarc.answer.name) TXT"
    guard let record = dmarc.only else {
      var minimal = DMARCRecord()
      minimal.requestedPolicy = .quarantine
      let problem = dmarc.records.isEmpty ? "there is no DMARC record" : "the DMARC record is not valid"
      return [
        finding(
          "\(snapshot.domain) publishes BIMI, but \(problem) at \(dmarc.answer.name): receivers show no indicator",
          subject: subject, fix: dmarc.records.isEmpty ? ZoneLine.txt(dmarc.answer.name, minimal.rendered) : nil)
      ]
    }
    var weak: [String] = []
    if record.policy == .none { weak.append("p=none") }
    if record.policy != .none, record.subdomainPolicy == .none { weak.append("sp=none") }
    if let percent = record.requestedPercent, percent < 100 { weak.append("pct=\(percent)") }
    guard !weak.isEmpty else { return [] }
    var fixed = record
    if fixed.policy == .none { fixed.requestedPolicy = .quarantine }
    if fixed.requestedSubdomainPolicy == DMARCPolicy.none { fixed.requestedSubdomainPolicy = nil }
    fixed.requestedPercent = nil
    return [
      finding(
        "\(snapshot.domain) publishes BIMI, but its DMARC policy does not enforce (\(weak.joined(separator: ", "))): "
          + "receivers show no indicator",
        subject: subject, record: record.text,
        fix: dmarc.answer.cnameChain.isEmpty ? ZoneLine.txt(dmarc.answer.name, fixed.rendered) : nil)
    ]
  }
}
