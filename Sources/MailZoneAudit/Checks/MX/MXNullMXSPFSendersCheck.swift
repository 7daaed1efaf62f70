/// A null MX on a domain whose SPF (or DKIM) says it sends mail.
public struct MXNullMXSPFSendersCheck: Check {
  public static let description = CheckDescription(
    id: "mx.null-mx-spf-senders", family: .mx, title: "Null MX on a domain that sends mail",
    summary: "The domain says it accepts no mail (null MX) while its SPF record authorizes senders.",
    rationale: """
      A null MX tells the world the domain accepts no mail (RFC 7505 §3). RFC 7505 §4.2: "Mail
      systems SHOULD NOT publish a null MX record for domains that they use in RFC5321.MailFrom or
      RFC5322.From addresses. If a system nonetheless does so, it risks having its mail
      rejected" (reply 550 with enhanced status 5.7.27, "sender address has null MX"), and
      bounces to it cannot be delivered. An SPF record that authorizes servers, or a DKIM key
      in use, contradicts it. Either the domain sends mail and needs real MX records for its
      bounces, or it does not and SPF should say `v=spf1 -all`.
      """,
    severity: .error, references: ["RFC 7505 §4.2", "RFC 7505 §3"],
    examples: [
      CheckExample(
        .passes, domain: "parked.test", note: "null MX and an SPF record that authorizes no one",
        zone: """
          \(ExampleZone.header("parked.test"))
          @ 300 MX 0 .
          @ 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "noreply.test", note: "null MX, yet SPF authorizes a mail service",
        zone: """
          \(ExampleZone.header("noreply.test"))
          @ 300 MX 0 .
          @ 300 TXT "v=spf1 include:_spf.google.com -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    guard snapshot.mx.nullMX, !MailUse.receives(snapshot) else { return [] }
    let spf = MailUse.spfSenders(snapshot) == .some
    guard spf || MailUse.signs(snapshot) else { return [] }
    let evidence = spf ? "its SPF record authorizes senders" : "it publishes DKIM keys"
    return [
      finding(
        "\(snapshot.domain) publishes a null MX (accepts no mail) but \(evidence): receivers may reject its "
          + "mail (550 5.7.27) and bounces cannot reach it",
        subject: "\(snapshot.domain) MX")
    ]
  }
}
