import MailZoneDNS

/// An MX exchange that is an alias (CNAME).
public struct MXCNAMECheck: Check {
  public static let description = CheckDescription(
    id: "mx.cname", family: .mx, title: "MX points to a CNAME",
    summary: "An MX record names an alias (CNAME) instead of the host's canonical name.",
    rationale: """
      RFC 2181 §10.3: the name in an MX record "MUST NOT be an alias", and RFC 5321 §5.1 expects
      the exchange to be a host name with addresses. Most MTAs follow the alias anyway, but some
      do not, and the extra lookup can fail on its own. Point the MX at the name the CNAME leads
      to.
      """,
    severity: .warning, references: ["RFC 2181 §10.3", "RFC 5321 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "direct.test", note: "the exchange has its own address",
        zone: """
          \(ExampleZone.header("direct.test"))
          @ 300 MX 10 mail.direct.test.
          mail 300 A 192.0.2.25
          """),
      CheckExample(
        .fails, domain: "alias.test", note: "the exchange is a CNAME to the real host",
        zone: """
          \(ExampleZone.header("alias.test"))
          @ 300 MX 10 mx.alias.test.
          mx 300 CNAME mailhost.alias.test.
          mailhost 300 A 192.0.2.25
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.mx.hosts.compactMap { host in
      guard host.isCNAME, let target = host.cnameTarget else { return nil }
      // Where the alias leads to an address, the corrected MX can be written.
      let fix =
        host.addresses.isEmpty
        ? nil : "\(snapshot.domain.absoluteText) \(ZoneLine.ttl) IN MX \(host.preference) \(target.absoluteText)"
      return finding(
        "the MX host \(host.exchange) is an alias (CNAME to \(target)); MX records must name the canonical host",
        subject: "\(snapshot.domain) MX", record: "\(host.preference) \(host.exchange.absoluteText)", fix: fix)
    }
  }
}
