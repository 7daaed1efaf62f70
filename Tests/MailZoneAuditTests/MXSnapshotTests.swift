import MailZoneAudit
import MailZoneDNS
import Testing

/// MX collection against zone files: the facts of AUDIT-JSON's `mx` object, host by host.
@Suite("MX snapshot")
struct MXSnapshotTests {
  /// What one host of `hosts` must report.
  struct Host: Sendable, Equatable, CustomStringConvertible {
    var host: String
    var preference: Int
    var cname = false
    var exists: Bool? = true
    var addresses: [String] = []
    var ptrOK: Bool? = true
    var description: String { "\(preference) \(host) cname=\(cname) exists=\(String(describing: exists))" }
  }

  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let domain: String
    let zone: [String]
    var nullMX = false
    var implicit = false
    var implicitAddresses: [String] = []
    var hosts: [Host] = []
    var testDescription: String { name }
  }

  /// `192.0.2.0/24` reverse zone: .25 confirms to mail.a.test, .26 points at a generic name,
  /// .27 has no PTR.
  static let reverse = AuditTestZones.zone(
    "2.0.192.in-addr.arpa", "25 300 PTR mail.a.test.", "26 300 PTR host-26.static.isp.test.",
    "28 300 PTR mx2.a.test.")
  static let provider = AuditTestZones.zone(
    "provider.test", "mailhost 300 A 192.0.2.25", "mailhost 300 A 192.0.2.26")

  static let cases: [Case] = [
    Case(
      name: "hosts sorted by preference, then name; FCrDNS per host", domain: "a.test",
      zone: [
        "@ 300 MX 20 mx2.a.test.", "@ 300 MX 10 mail.a.test.", "@ 300 MX 20 mx1.a.test.",
        "mail 300 A 192.0.2.25", "mx1 300 A 192.0.2.27", "mx2 300 A 192.0.2.28",
      ],
      hosts: [
        Host(host: "mail.a.test", preference: 10, addresses: ["192.0.2.25"]),
        Host(host: "mx1.a.test", preference: 20, addresses: ["192.0.2.27"], ptrOK: false),
        Host(host: "mx2.a.test", preference: 20, addresses: ["192.0.2.28"]),
      ]),
    Case(
      name: "null MX alone", domain: "a.test", zone: ["@ 300 MX 0 ."], nullMX: true),
    Case(
      name: "null MX beside a real host: both reported", domain: "a.test",
      zone: ["@ 300 MX 0 .", "@ 300 MX 10 mail.a.test.", "mail 300 A 192.0.2.25"], nullMX: true,
      hosts: [Host(host: "mail.a.test", preference: 10, addresses: ["192.0.2.25"])]),
    Case(
      name: "no MX: the implicit MX is the domain's own address", domain: "a.test", zone: ["@ 300 A 192.0.2.80"],
      implicit: true, implicitAddresses: ["192.0.2.80"]),
    Case(
      name: "MX to a CNAME in another zone, one address without PTR confirmation", domain: "a.test",
      zone: ["@ 300 MX 10 mx.a.test.", "mx 300 CNAME mailhost.provider.test."],
      hosts: [
        Host(host: "mx.a.test", preference: 10, cname: true, addresses: ["192.0.2.25", "192.0.2.26"], ptrOK: false)
      ]),
    Case(
      name: "MX host that does not exist", domain: "a.test", zone: ["@ 300 MX 10 mial.a.test."],
      hosts: [Host(host: "mial.a.test", preference: 10, exists: false, ptrOK: false)]),
    Case(
      name: "MX host that exists without an address", domain: "a.test",
      zone: ["@ 300 MX 10 old.a.test.", "old 300 TXT \"retired\""],
      hosts: [Host(host: "old.a.test", preference: 10, ptrOK: false)]),
    Case(
      name: "MX host outside the loaded zones: unknown, not false", domain: "a.test",
      zone: ["@ 300 MX 10 mx.elsewhere.example."],
      hosts: [Host(host: "mx.elsewhere.example", preference: 10, exists: nil, ptrOK: nil)]),
  ]

  @Test("MX facts", arguments: cases)
  func facts(_ c: Case) async throws {
    let zone = AuditTestZones.zone(c.domain, c.zone)
    let (snapshot, _) = try await AuditTestZones.snapshot(c.domain, zones: [zone, Self.reverse, Self.provider])
    let mx = snapshot.mx
    #expect(mx.nullMX == c.nullMX)
    #expect(mx.implicit == c.implicit)
    #expect(mx.implicitAddresses.map(\.description) == c.implicitAddresses)
    let hosts = mx.hosts.map { host in
      Host(
        host: host.exchange.description, preference: Int(host.preference), cname: host.isCNAME, exists: host.exists,
        addresses: host.addresses.map(\.description), ptrOK: host.ptrOK)
    }
    #expect(hosts == c.hosts)
    #expect(mx.failures.isEmpty)
  }

  @Test("each address's reverse DNS: PTR names and the ones that confirm")
  func reverseDNS() async throws {
    let zone = AuditTestZones.zone(
      "a.test", "@ 300 MX 10 mx.a.test.", "mx 300 CNAME mailhost.provider.test.")
    let (snapshot, _) = try await AuditTestZones.snapshot("a.test", zones: [zone, Self.reverse, Self.provider])
    let host = try #require(snapshot.mx.hosts.first)
    #expect(host.cnameTarget?.description == "mailhost.provider.test")
    let reverse = host.reverse.map {
      ($0.address.description, $0.ptr.records.map(\.description), $0.isForwardConfirmed)
    }
    #expect(reverse.map(\.0) == ["192.0.2.25", "192.0.2.26"])
    #expect(reverse.map(\.1) == [["mail.a.test"], ["host-26.static.isp.test"]])
    // mail.a.test has no address in this zone, so even .25's PTR does not confirm.
    #expect(reverse.map(\.2) == [false, false])
  }

  @Test("a domain that does not exist has no MX, and no implicit address")
  func nonexistentDomain() async throws {
    let zone = AuditTestZones.zone("a.test", "www 300 A 192.0.2.80")
    let (snapshot, _) = try await AuditTestZones.snapshot("gone.a.test", zones: [zone])
    #expect(snapshot.mx.answer.status == .nxDomain)
    #expect(snapshot.mx.hosts.isEmpty && snapshot.mx.implicitAddresses.isEmpty && !snapshot.mx.nullMX)
  }
}
