import MailZoneDNS
import MailZoneTestSupport
import Testing

@Suite("CachingResolver: one query per question per run")
struct CachingResolverTests {
  @Test("concurrent askers of one question share one query on the wire")
  func inFlightDeduplication() async throws {
    let server = try NSDServer.shared()
    let live = try await LDNSResolver(configuration: LDNSResolverConfiguration(nameservers: [server.nameserver]))
    let cache = CachingResolver(upstream: live)
    let name = Fixtures.name("split.example.test")
    let answers = await withTaskGroup(of: DNSAnswer<TXTData>.self) { group in
      for _ in 0..<50 { group.addTask { await cache.txt(name) } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(answers.count == 50)
    #expect(answers.allSatisfy { $0.records.first?.text == "v=spf1 ip4:192.0.2.0/24 -all" })
    #expect(await live.statistics().udpSent == 1)
    let counts = await cache.counts()
    #expect(counts.upstream == 1)
    #expect(counts.hits + counts.joins == 49)
  }

  @Test("negative answers are cached too; names compare without case")
  func negativeCaching() async throws {
    let server = try NSDServer.shared()
    let live = try await LDNSResolver(configuration: LDNSResolverConfiguration(nameservers: [server.nameserver]))
    let cache = CachingResolver(upstream: live)
    #expect(await cache.txt(Fixtures.name("missing.example.test")).status == .nxDomain)
    #expect(await cache.txt(Fixtures.name("MISSING.example.test")).status == .nxDomain)
    #expect(await cache.mx(Fixtures.name("mx.example.test")).status == .noData)
    #expect(await cache.mx(Fixtures.name("mx.example.test")).status == .noData)
    #expect(await live.statistics().udpSent == 2)
  }

  @Test("questions asked once go straight upstream: counted for their scope, never kept")
  func onceSkipsTheCache() async throws {
    let server = try NSDServer.shared()
    let live = try await LDNSResolver(configuration: LDNSResolverConfiguration(nameservers: [server.nameserver]))
    let cache = CachingResolver(upstream: live)
    let scope = cache.scope(for: Fixtures.name("example.test"))
    let names = ["split.example.test", "missing.example.test", "mx.example.test"].map { Fixtures.name($0) }
    let once = await scope.txtAll(names, once: true)
    #expect(await cache.entryCount() == 0)
    let cached = await scope.txtAll(names)
    #expect(once.map(\.status) == [.noError, .nxDomain, .noData])
    #expect(once.map(\.status) == cached.map(\.status))
    #expect(once.map(\.records) == cached.map(\.records))
    #expect(await cache.entryCount() == 3)
    #expect(scope.upstreamQueries == 6)
    #expect(await cache.counts().upstream == 6)
    #expect(await live.statistics().udpSent == 6)
  }

  @Test("a CNAME chain's hops are cached: asking for the target again costs nothing")
  func chainHopsCached() async throws {
    let files = try ZoneFileResolver(paths: Fixtures.zoneFiles)
    let cache = CachingResolver(upstream: files)
    _ = await cache.a(Fixtures.name("away.example.test"))
    _ = await cache.a(Fixtures.name("away.example.test"))
    #expect(await cache.counts().upstream == 1)
  }
}
