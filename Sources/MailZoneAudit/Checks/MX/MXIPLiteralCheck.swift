import MailZoneNet

/// An MX exchange written as an IP address.
public struct MXIPLiteralCheck: Check {
  public static let description = CheckDescription(
    id: "mx.ip-literal", family: .mx, title: "MX exchange is an IP address",
    summary: "An MX record names an IP address instead of a host name.",
    rationale: """
      The MX exchange is a domain name (RFC 1035 §3.3.9), looked up for its A/AAAA records
      (RFC 5321 §5.1). Written as `10 192.0.2.25.`, it is a name made of digit labels that does
      not exist, so senders find no address and cannot deliver. Give the server a name with an
      address record and point the MX at it.
      """,
    severity: .error, references: ["RFC 1035 §3.3.9", "RFC 5321 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "named.test", note: "the exchange is a host name",
        zone: """
          \(ExampleZone.header("named.test"))
          @ 300 MX 10 mail.named.test.
          mail 300 A 192.0.2.25
          """),
      CheckExample(
        .fails, domain: "literal.test", note: "the exchange is an IPv4 address",
        zone: """
          \(ExampleZone.header("literal.test"))
          @ 300 MX 10 192.0.2.25.
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let domain = snapshot.domain
    return snapshot.mx.hosts.compactMap { host in
      guard let address = IPAddress(host.exchange.description) else { return nil }
      var fix: String?
      if let name = try? domain.prepending("mail") {
        let type = if case .v4 = address { "A" } else { "AAAA" }
        fix =
          "\(name.absoluteText) \(ZoneLine.ttl) IN \(type) \(address)\n"
          + "\(domain.absoluteText) \(ZoneLine.ttl) IN MX \(host.preference) \(name.absoluteText)"
      }
      return finding(
        "the MX record names the address \(address) instead of a host name: senders look up \(host.exchange) "
          + "as a name, find no address and cannot deliver",
        subject: "\(domain) MX", record: "\(host.preference) \(host.exchange.absoluteText)", fix: fix)
    }
  }
}
