/// An MX host that does not exist or has no A/AAAA record.
public struct MXHostNoAddressCheck: Check {
  public static let description = CheckDescription(
    id: "mx.host-no-address", family: .mx, title: "MX host without an address",
    summary: "An MX record names a host that does not exist (NXDOMAIN) or has no A/AAAA record.",
    rationale: """
      A sender resolves each MX host to addresses and tries them in preference order (RFC 5321
      §5.1). A host that does not exist, or exists without an A or AAAA record, cannot receive
      mail: when every MX host is like that, mail to the domain is undeliverable (error); when a
      working host remains, senders waste a lookup and a retry on each message (warning). Fix the
      host name in the MX record or publish its address.
      """,
    severity: .error, references: ["RFC 5321 §5.1", "RFC 1035 §3.3.9"],
    examples: [
      CheckExample(
        .passes, domain: "ok.test", note: "the MX host has an address",
        zone: """
          \(ExampleZone.header("ok.test"))
          @ 300 MX 10 mail.ok.test.
          mail 300 A 192.0.2.25
          """),
      CheckExample(
        .fails, domain: "typo.test", note: "the MX host does not exist",
        zone: """
          \(ExampleZone.header("typo.test"))
          @ 300 MX 10 mial.typo.test.
          mail 300 A 192.0.2.25
          """),
      CheckExample(
        .fails, domain: "backup.test", note: "the backup host has a name but no address",
        zone: """
          \(ExampleZone.header("backup.test"))
          @ 300 MX 10 mail.backup.test.
          @ 300 MX 20 mx2.backup.test.
          mail 300 A 192.0.2.25
          mx2 300 TXT "decommissioned"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let hosts = snapshot.mx.hosts.filter { !$0.isIPLiteral }
    let broken = hosts.filter { $0.addresses.isEmpty && $0.a.status.isConclusive && $0.aaaa.status.isConclusive }
    guard !broken.isEmpty else { return [] }
    // Undeliverable when no host of any kind has an address.
    let working = snapshot.mx.hosts.contains { !$0.addresses.isEmpty }
    return broken.map { host in
      let why = host.exists == false ? "does not exist (NXDOMAIN)" : "has no A or AAAA record"
      let effect =
        working ? "senders fall back to the other MX hosts" : "no MX host has an address, so mail is undeliverable"
      return finding(
        "the MX host \(host.exchange) \(why): \(effect)", subject: "\(snapshot.domain) MX",
        record: "\(host.preference) \(host.exchange.absoluteText)", severity: working ? .warning : .error)
    }
  }
}
