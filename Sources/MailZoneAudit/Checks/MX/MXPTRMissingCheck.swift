/// An MX host address without reverse DNS.
public struct MXPTRMissingCheck: Check {
  public static let description = CheckDescription(
    id: "mx.ptr-missing", family: .mx, title: "MX address without PTR",
    summary: "An address of an MX host has no PTR record.",
    rationale: """
      Mail servers are expected to have reverse DNS: "Every Internet-reachable host should have a
      name" and its PTR should match its A record (RFC 1912 §2.1). MX hosts usually relay
      outbound mail too, and receivers check the connecting address's reverse name (the `iprev`
      method, RFC 8601 §2.7.3); many refuse or score down mail from an address without one. Ask
      whoever holds the address block (the hosting or IP provider) to publish a PTR naming the
      host.
      """,
    severity: .warning, references: ["RFC 1912 §2.1", "RFC 8601 §2.7.3"],
    examples: [
      CheckExample(
        .passes, domain: "ptr.test", note: "the address has a PTR back to the host",
        zone: """
          \(ExampleZone.header("ptr.test"))
          @ 300 MX 10 mail.ptr.test.
          mail 300 A 192.0.2.25
          """,
        extraZones: [
          """
          \(ExampleZone.header("2.0.192.in-addr.arpa"))
          25 300 PTR mail.ptr.test.
          """
        ]),
      CheckExample(
        .fails, domain: "noptr.test", note: "the reverse zone has no PTR for the address",
        zone: """
          \(ExampleZone.header("noptr.test"))
          @ 300 MX 10 mail.noptr.test.
          mail 300 A 192.0.2.26
          """,
        extraZones: [
          """
          \(ExampleZone.header("2.0.192.in-addr.arpa"))
          25 300 PTR mail.ptr.test.
          """
        ]),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.mx.hosts.flatMap { host in
      host.reverse.filter { $0.ptr.status.isConclusive && $0.ptr.records.isEmpty }.map { reverse in
        finding(
          "\(reverse.address) (MX host \(host.exchange)) has no PTR record at \(reverse.ptr.name): receivers that "
            + "check reverse DNS distrust mail from it",
          subject: "\(reverse.ptr.name) PTR")
      }
    }
  }
}
