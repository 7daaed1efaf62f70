/// A domain that handles mail but publishes no MX: mail goes to its A/AAAA, if anywhere.
public struct MXImplicitCheck: Check {
  public static let description = CheckDescription(
    id: "mx.implicit", family: .mx, title: "No MX records",
    summary: "The domain has no MX records, so mail to it goes to its own address (the implicit MX) or nowhere.",
    rationale: """
      Without MX records, RFC 5321 §5.1 treats the domain's own A/AAAA as its mail server (the
      "implicit MX"): mail for the domain is delivered to whatever answers port 25 there, often a
      web server that refuses it, so senders retry for days before bouncing. Publish MX records
      for the servers that receive the domain's mail. A domain that sends and receives no mail is
      the parked-domain recipe's case (`domain.parked-recipe`): null MX, `v=spf1 -all`, `p=reject`.
      """,
    severity: .warning, references: ["RFC 5321 §5.1", "RFC 7505 §1"],
    examples: [
      CheckExample(
        .passes, domain: "mx.test", note: "the domain names its mail server",
        zone: """
          \(ExampleZone.header("mx.test"))
          @ 300 MX 10 mail.mx.test.
          @ 300 TXT "v=spf1 mx -all"
          mail 300 A 192.0.2.25
          """),
      CheckExample(
        .fails, domain: "web.test", note: "SPF authorizes a sender, but mail to the domain goes to the web server",
        zone: """
          \(ExampleZone.header("web.test"))
          @ 300 A 192.0.2.80
          @ 300 TXT "v=spf1 a -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let mx = snapshot.mx
    guard mx.implicit, mx.answer.status == .noData, mx.failures.isEmpty, !MailUse.sendsNothing(snapshot) else {
      return []
    }
    let subject = "\(snapshot.domain) MX"
    guard !mx.implicitAddresses.isEmpty else {
      return [
        finding(
          "\(snapshot.domain) has no MX and no address: mail to it cannot be delivered, and bounces for the mail "
            + "it sends have nowhere to go; publish MX records for the servers that receive its mail",
          subject: subject, severity: .info)
      ]
    }
    let addresses = mx.implicitAddresses.map(\.description).joined(separator: ", ")
    return [
      finding(
        "\(snapshot.domain) has no MX records, so mail to it goes to \(addresses) (the implicit MX, RFC 5321 §5.1); "
          + "publish MX records for its mail servers",
        subject: subject)
    ]
  }
}
