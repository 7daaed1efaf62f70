import MailZoneDNS
import MailZoneNet
import MailZoneTestSupport
import Testing

/// The live resolver against NSD on loopback: real packets, real rcodes.
@Suite("LDNSResolver against NSD on loopback")
struct LiveResolverTests {
  let server: NSDServer

  init() throws {
    server = try NSDServer.shared()
  }

  func resolver(ednsSize: UInt16? = 1232, servers: [Nameserver]? = nil, timeout: Duration = .seconds(2))
    async throws -> LDNSResolver
  {
    var configuration = LDNSResolverConfiguration(nameservers: servers ?? [server.nameserver])
    configuration.ednsSize = ednsSize
    configuration.timeout = timeout
    return try await LDNSResolver(configuration: configuration)
  }

  @Test("TXT split into strings: each string's bytes kept, joined without spaces")
  func splitTXT() async throws {
    let dns = try await resolver()
    let answer = await dns.txt(Fixtures.name("split.example.test"))
    #expect(answer.status == .noError)
    let txt = try #require(answer.records.first)
    #expect(txt.strings.map { String(decoding: $0, as: UTF8.self) } == ["v=spf1 ", "ip4:192.0.2.0/24 ", "-all"])
    #expect(txt.text == "v=spf1 ip4:192.0.2.0/24 -all")
    #expect(answer.transport == .udp)
  }

  @Test("over 512 octets without EDNS: TC=1, then TCP gives the whole record")
  func truncatedWithoutEDNS() async throws {
    let dns = try await resolver(ednsSize: nil)
    let answer = await dns.txt(Fixtures.name("long.example.test"))
    #expect(answer.status == .noError)
    #expect(answer.transport == .tcp)
    let txt = try #require(answer.records.first)
    #expect(txt.strings.map(\.count) == [255, 255, 5])
    #expect(txt.strings[0] == Array(repeating: UInt8(ascii: "a"), count: 255))
    let stats = await dns.statistics()
    #expect(stats.tcpExchanges == 1)
  }

  @Test("over the EDNS size: TCP fallback; under it: UDP")
  func truncatedWithEDNS() async throws {
    let dns = try await resolver()
    let huge = await dns.txt(Fixtures.name("huge.example.test"))
    #expect(huge.transport == .tcp)
    #expect(huge.records.first?.joined.count == 2000)
    #expect(huge.records.first?.strings.count == 8)
    let long = await dns.txt(Fixtures.name("long.example.test"))
    #expect(long.transport == .udp, "520 bytes fit in 1232")
  }

  @Test("empty string TXT and non-ASCII bytes arrive byte-exact")
  func exactBytes() async throws {
    let dns = try await resolver()
    let empty = await dns.txt(Fixtures.name("empty.example.test"))
    #expect(empty.records == [TXTData(strings: [[]])])
    let binary = await dns.txt(Fixtures.name("binary.example.test"))
    #expect(
      binary.records.first?.strings == [[0, 1, 200, 255, 0x20, 0x63, 0x61, 0x66, 0xC3, 0xA9]], "\\DDD is decimal")
    let several = await dns.txt(Fixtures.name("several.example.test"))
    #expect(Set(several.records.map(\.text)) == ["first record", "second record"])
  }

  @Test("NXDOMAIN, NODATA and an empty non-terminal are told apart")
  func negativeAnswers() async throws {
    let dns = try await resolver()
    #expect(await dns.txt(Fixtures.name("missing.example.test")).status == .nxDomain)
    #expect(await dns.txt(Fixtures.name("mx.example.test")).status == .noData)
    #expect(await dns.txt(Fixtures.name("b.c.example.test")).status == .noData, "empty non-terminal")
    #expect(await dns.txt(Fixtures.name("deep.b.c.example.test")).status == .noError)
  }

  @Test("SERVFAIL for a zone that failed to load; REFUSED for a name the server does not serve")
  func failures() async throws {
    let dns = try await resolver()
    let servfail = await dns.soa(Fixtures.name("broken.test"))
    #expect(servfail.status == .servFail)
    #expect(!servfail.status.isConclusive)
    #expect(await dns.txt(Fixtures.name("example.org")).status == .refused)
  }

  @Test("CNAME chains are followed and reported; loops stop")
  func cnames() async throws {
    let dns = try await resolver()
    let chain = await dns.txt(Fixtures.name("chain1.example.test"))
    #expect(chain.status == .noError)
    #expect(
      chain.cnameChain.map(\.target) == [Fixtures.name("chain2.example.test"), Fixtures.name("chain3.example.test")])
    #expect(chain.canonicalName == Fixtures.name("chain3.example.test"))
    #expect(chain.records.first?.text == "end of chain")
    let loop = await dns.txt(Fixtures.name("loop1.example.test"))
    #expect(loop.status == .cnameLoop)
    let away = await dns.a(Fixtures.name("away.example.test"))
    #expect(away.records == [IPv4Address(192, 0, 2, 77)], "chain into another zone")
    let dangling = await dns.txt(Fixtures.name("dangling.example.test"))
    #expect(dangling.status == .nxDomain, "RFC 6604: the rcode speaks of the chain's last name")
    #expect(dangling.cnameChain.count == 1)
    let direct = await dns.cname(Fixtures.name("chain1.example.test"))
    #expect(direct.records == [Fixtures.name("chain2.example.test")], "asking for CNAME itself does not chase")
  }

  @Test("MX with null MX recognised; A, AAAA, PTR, TLSA, SOA, NS")
  func typedRecords() async throws {
    let dns = try await resolver()
    let mx = await dns.mx(Fixtures.name("example.test"))
    #expect(Set(mx.records.map(\.preference)) == [10, 20])
    #expect(!mx.records.contains { $0.isNullMX })
    let nullMX = await dns.mx(Fixtures.name("nullmx.example.test"))
    #expect(nullMX.records.count == 1)
    #expect(nullMX.records.first?.isNullMX == true)
    #expect(await dns.a(Fixtures.name("mx.example.test")).records == [IPv4Address(192, 0, 2, 25)])
    #expect(await dns.aaaa(Fixtures.name("mx.example.test")).records.map(\.description) == ["2001:db8::25"])
    let ptr = await dns.ptr(Fixtures.name("26.2.0.192.in-addr.arpa"))
    #expect(Set(ptr.records) == [Fixtures.name("mx2.example.test"), Fixtures.name("other-name.example.test")])
    let tlsa = try #require(await dns.tlsa(Fixtures.name("_25._tcp.mx.example.test")).records.first)
    #expect((tlsa.usage, tlsa.selector, tlsa.matchingType) == (3, 1, 1))
    #expect(tlsa.certificateData.count == 32)
    #expect(await dns.soa(Fixtures.name("example.test")).records.first?.serial == 2_026_120_101)
    #expect(await dns.ns(Fixtures.name("example.test")).records == [Fixtures.name("ns.example.test")])
  }

  @Test("wildcards answer for names that do not exist")
  func wildcard() async throws {
    let dns = try await resolver()
    let answer = await dns.txt(Fixtures.name("anything.wild.example.test"))
    #expect(answer.records.first?.text == "from the wildcard")
    #expect(await dns.mx(Fixtures.name("anything.wild.example.test")).status == .noData)
  }

  @Test("a nameserver that never answers times out within timeout × tries")
  func timeout() async throws {
    let silent = try SilentServer()
    var configuration = LDNSResolverConfiguration(nameservers: [silent.nameserver])
    configuration.timeout = .milliseconds(200)
    configuration.tries = 2
    let dns = try await LDNSResolver(configuration: configuration)
    let clock = ContinuousClock()
    let start = clock.now
    let answer = await dns.txt(Fixtures.name("example.test"))
    let elapsed = clock.now - start
    #expect(answer.status == .timeout)
    #expect(elapsed >= .milliseconds(380))
    // The bound itself is the attempt count below; the wall-clock limit only catches a hang: with
    // CPU-heavy tests in parallel on two cores, the continuation can wait seconds for a thread.
    #expect(elapsed < .seconds(30))
    let stats = await dns.statistics()
    #expect(stats.udpSent == 2)
    #expect(stats.timeouts == 2)
  }

  @Test("after a silent server, the next nameserver answers")
  func rotation() async throws {
    let silent = try SilentServer()
    var configuration = LDNSResolverConfiguration(nameservers: [silent.nameserver, server.nameserver])
    configuration.timeout = .milliseconds(150)
    configuration.tries = 1
    let dns = try await LDNSResolver(configuration: configuration)
    let answer = await dns.txt(Fixtures.name("example.test"))
    #expect(answer.status == .noError)
    #expect(answer.server == server.nameserver.description)
  }

  @Test("a SERVFAIL from one server sends the question to the next")
  func servfailMovesOn() async throws {
    let silent = try SilentServer()
    var configuration = LDNSResolverConfiguration(nameservers: [server.nameserver, silent.nameserver])
    configuration.timeout = .milliseconds(150)
    configuration.tries = 1
    let dns = try await LDNSResolver(configuration: configuration)
    let answer = await dns.soa(Fixtures.name("broken.test"))
    #expect(answer.status == .servFail, "the only real answer is kept when the other server is silent")
    #expect(await dns.statistics().udpSent == 2)
  }

  @Test("a port where nothing listens fails at once (ICMP port unreachable), and the next server answers")
  func portUnreachable() async throws {
    let closed = Nameserver(address: .v4(IPv4Address(127, 0, 0, 1)), port: try FreePort.find())
    var configuration = LDNSResolverConfiguration(nameservers: [closed])
    configuration.timeout = .seconds(1)
    configuration.tries = 1
    let alone = try await LDNSResolver(configuration: configuration)
    // The kernel limits ICMP errors machine-wide (net.ipv4.icmp_msgs_burst), and tests running
    // alongside may spend the burst: a refusal that did not arrive is a timeout, so ask again.
    let clock = ContinuousClock()
    var refusedFast = false
    for attempt in 0..<5 where !refusedFast {
      let start = clock.now
      let answer = await alone.txt(Fixtures.name("n\(attempt).wild.example.test"))
      let elapsed = clock.now - start
      if answer.status == .error("connection refused: nothing listens at \(closed)") {
        refusedFast = elapsed < .milliseconds(500)
      } else {
        #expect(answer.status == .timeout, "a lost refusal is a timeout, nothing else")
      }
    }
    #expect(refusedFast, "the refusal ended the attempt long before its 1 s timeout")
    configuration.nameservers = [closed, server.nameserver]
    let withFallback = try await LDNSResolver(configuration: configuration)
    let answered = await withFallback.txt(Fixtures.name("split.example.test"))
    #expect(answered.status == .noError && answered.server == server.nameserver.description)
  }

  @Test("256 queries in flight at once all come back right")
  func manyInFlight() async throws {
    let dns = try await resolver()
    let names = (0..<256).map { Fixtures.name("n\($0).wild.example.test") }
    let results = await withTaskGroup(of: (DNSName, DNSAnswer<IPv4Address>).self) { group in
      for name in names { group.addTask { (name, await dns.a(name)) } }
      var out: [DNSName: DNSAnswer<IPv4Address>] = [:]
      for await (name, answer) in group { out[name] = answer }
      return out
    }
    #expect(results.count == 256)
    #expect(results.values.allSatisfy { $0.status == .noError && $0.records == [IPv4Address(192, 0, 2, 99)] })
    let stats = await dns.statistics()
    #expect(stats.queries == 256)
    #expect(stats.timeouts == 0)
  }
}
