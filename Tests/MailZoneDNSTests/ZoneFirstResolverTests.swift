import MailZoneDNS
import MailZoneTestSupport
import Testing

/// Zone files over live DNS (NSD on loopback): the files answer for their zones, NSD for the rest.
@Suite("ZoneFirstResolver over NSD on loopback")
struct ZoneFirstResolverTests {
  func resolver() async throws -> (ZoneFirstResolver, LDNSResolver) {
    let server = try NSDServer.shared()
    let live = try await LDNSResolver(configuration: LDNSResolverConfiguration(nameservers: [server.nameserver]))
    let zones = try ZoneFileResolver(paths: [Fixtures.directory + "/diff/diff.test.zone"])
    return (ZoneFirstResolver(zones: zones, upstream: live), live)
  }

  @Test("a name in the loaded zone comes from the file, not from the live copy of the zone")
  func zoneWins() async throws {
    let (resolver, live) = try await resolver()
    let fromFile = await resolver.mx(Fixtures.name("diff.test"))
    let fromLive = await live.mx(Fixtures.name("diff.test"))
    #expect(fromFile.records.map(\.exchange) == [Fixtures.name("mx2.diff.test")])
    #expect(fromFile.transport == .zoneFile)
    #expect(fromLive.records.map(\.exchange) == [Fixtures.name("mx1.diff.test")])
    // A name only the file has, and one only live DNS has: the file is the whole zone.
    #expect(await resolver.txt(Fixtures.name("_spf2.diff.test")).status == .noError)
    #expect(await resolver.txt(Fixtures.name("selector2._domainkey.diff.test")).status == .nxDomain)
    await live.close()
  }

  @Test("names outside the loaded zones are asked live")
  func othersLive() async throws {
    let (resolver, live) = try await resolver()
    #expect(!resolver.servesFromZones(Fixtures.name("target.other.test")))
    let answer = await resolver.txt(Fixtures.name("target.other.test"))
    #expect(answer.status == .noError)
    #expect(answer.records.map(\.text) == ["in the other zone"])
    #expect(answer.transport != .zoneFile)
    #expect(await resolver.txt(Fixtures.name("nosuch.other.test")).status == .nxDomain)
    await live.close()
  }
}
