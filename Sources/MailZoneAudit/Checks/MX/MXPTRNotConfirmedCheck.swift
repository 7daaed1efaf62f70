/// An MX host address whose PTR names do not resolve back to it.
public struct MXPTRNotConfirmedCheck: Check {
  public static let description = CheckDescription(
    id: "mx.ptr-not-confirmed", family: .mx, title: "MX reverse DNS not forward-confirmed",
    summary: "An MX host address has a PTR, but no name it gives resolves back to the address.",
    rationale: """
      Forward-confirmed reverse DNS (FCrDNS) means the PTR name of an address has an A/AAAA record
      with that same address. It is what the `iprev` check computes (RFC 8601 §2.7.3): a PTR that
      leads elsewhere, such as a generic name of the hosting provider or a name that no longer
      exists, fails it, and receivers treat the host like one without reverse DNS. Make the PTR
      name the MX host (or give the PTR name an address record that matches).
      """,
    severity: .warning, references: ["RFC 8601 §2.7.3", "RFC 1912 §2.1"],
    examples: [
      CheckExample(
        .passes, domain: "fcrdns.test", note: "the PTR name resolves to the address",
        zone: """
          \(ExampleZone.header("fcrdns.test"))
          @ 300 MX 10 mail.fcrdns.test.
          mail 300 A 192.0.2.25
          """,
        extraZones: [
          """
          \(ExampleZone.header("2.0.192.in-addr.arpa"))
          25 300 PTR mail.fcrdns.test.
          """
        ]),
      CheckExample(
        .fails, domain: "generic.test", note: "the PTR is a generic provider name without that address",
        zone: """
          \(ExampleZone.header("generic.test"))
          @ 300 MX 10 mail.generic.test.
          mail 300 A 192.0.2.25
          """,
        extraZones: [
          """
          \(ExampleZone.header("2.0.192.in-addr.arpa"))
          25 300 PTR host-25.static.generic.test.
          """
        ]),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.mx.hosts.flatMap { host in
      host.reverse.filter { !$0.ptr.records.isEmpty && !$0.isForwardConfirmed }.map { reverse in
        let names = reverse.ptr.records.map(\.description).joined(separator: ", ")
        return finding(
          "\(reverse.address) (MX host \(host.exchange)) has PTR \(names), which does not resolve back to "
            + "\(reverse.address): reverse DNS is not forward-confirmed",
          subject: "\(reverse.ptr.name) PTR")
      }
    }
  }
}
