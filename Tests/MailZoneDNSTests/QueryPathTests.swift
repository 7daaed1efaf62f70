import MailZoneNet
import MailZoneTestSupport
import Testing

@testable import MailZoneDNS

@Suite("The bulk query path: hand-laid queries, batches, name errors, cache scopes")
struct QueryPathTests {
  @Test(
    "QueryWire lays out the same bytes as ldns_pkt2wire",
    arguments: [
      ("example.test", RRType.txt, LDNSCodec.QueryOptions()),
      ("a.b.c.d.e.f.g.h.example.test", .mx, LDNSCodec.QueryOptions(recursionDesired: false, ednsSize: 4096)),
      ("_dmarc.Example.TEST", .a, LDNSCodec.QueryOptions(recursionDesired: true, ednsSize: nil)),
      (".", .soa, LDNSCodec.QueryOptions(recursionDesired: true, ednsSize: 1232, dnssecOK: true)),
      ("x\\000y.test", .aaaa, LDNSCodec.QueryOptions()),
      (String(repeating: "a", count: 63) + "." + String(repeating: "b", count: 63) + ".test", .ptr, .init()),
    ])
  func queryWireMatchesLDNS(_ text: String, _ type: RRType, _ options: LDNSCodec.QueryOptions) throws {
    let name = try DNSName(text)
    for id: UInt16 in [0, 1, 0xBEEF, 0xFFFF] {
      let ours = QueryWire.encode(name: name, type: type, id: id, options: options)
      #expect(ours == LDNSCodec.makeQuery(name: name, type: type, id: id, options: options))
    }
  }

  @Test("a batch gets the same replies as one question at a time, in question order, each sent once")
  func batchMatchesSingles() async throws {
    let server = try NSDServer.shared()
    let names = [
      "split.example.test", "missing.example.test", "mx.example.test", "away.example.test", "SPLIT.example.test",
      "deep.nothing.example.test",
    ].map(Fixtures.name)
    let questions = names.flatMap { [DNSQuestion($0, .txt), DNSQuestion($0, .mx)] }
    let batched = try await LDNSResolver(configuration: LDNSResolverConfiguration(nameservers: [server.nameserver]))
    let replies = await batched.queryAll(questions)
    let single = try await LDNSResolver(configuration: LDNSResolverConfiguration(nameservers: [server.nameserver]))
    for (question, reply) in zip(questions, replies) {
      let expected = await single.query(question.name, question.type)
      #expect(reply.rcode == expected.rcode, "\(question.name) \(question.type)")
      #expect(reply.answer == expected.answer, "\(question.name) \(question.type)")
      #expect(reply.failure == nil)
    }
    #expect(replies.count == questions.count)
    #expect(await batched.statistics().udpSent == questions.count)
    // The cache sends a repeated question (names compare without case) once, also inside a batch.
    let cache = CachingResolver(upstream: batched)
    _ = await cache.queryAll(questions)
    #expect(await cache.counts().upstream == questions.count - 2)
  }

  @Test("lookupAll chases CNAME chains that leave their reply together, and ends like single lookups")
  func batchedChains() async throws {
    let server = try NSDServer.shared()
    let questions = [
      DNSQuestion(Fixtures.name("away.example.test"), .a), DNSQuestion(Fixtures.name("chain1.example.test"), .txt),
      DNSQuestion(Fixtures.name("loop1.example.test"), .txt), DNSQuestion(Fixtures.name("dangling.example.test"), .txt),
      DNSQuestion(Fixtures.name("split.example.test"), .txt), DNSQuestion(Fixtures.name("away.example.test"), .aaaa),
      // Into a zone the server does not serve: the chain leaves the reply, the next query is REFUSED.
      DNSQuestion(Fixtures.name("elsewhere.example.test"), .txt),
      DNSQuestion(Fixtures.name("elsewhere.example.test"), .a),
    ]
    let configuration = LDNSResolverConfiguration(nameservers: [server.nameserver])
    let batched = try await LDNSResolver(configuration: configuration)
    let answers = await batched.lookupAll(questions)
    let single = try await LDNSResolver(configuration: configuration)
    for (question, answer) in zip(questions, answers) {
      let expected = await single.lookup(question.name, question.type)
      #expect(answer.status == expected.status, "\(question.name) \(question.type)")
      #expect(answer.records == expected.records, "\(question.name) \(question.type)")
      #expect(answer.cnameChain == expected.cnameChain, "\(question.name) \(question.type)")
    }
    #expect(answers.count == questions.count)
    #expect(answers[0].records.map(\.data) == [.a(IPv4Address(192, 0, 2, 77))], "the chain into another zone")
    #expect(answers[6].status == .refused && answers[6].cnameChain.count == 1)
    #expect(await single.statistics().udpSent == questions.count + 2, "two chains left their reply")
    #expect(await batched.statistics().udpSent == single.statistics().udpSent, "the same questions, in batches")
  }

  @Test("NXDOMAIN and NODATA without answers are read from the header; with EDNS too; anything else goes to ldns")
  func bareNegative() throws {
    let query = QueryWire.encode(name: try DNSName("nope.test"), type: .txt, id: 7, options: .init())
    var reply = query
    reply[2] = 0x85  // QR, AA, RD
    reply[3] = 0x03  // NXDOMAIN
    let bare = try #require(WireCheck.bareNegative(reply))
    #expect(bare.rcode == DNSResponse.nxDomain)
    #expect(bare.flags.authoritative && bare.flags.recursionDesired && !bare.flags.truncated)
    var extended = reply
    extended[extended.count - 6] = 1  // the OPT record's extended-RCODE octet: RCODE 19, not 3
    #expect(WireCheck.bareNegative(extended) == nil)
    var answered = reply
    answered[7] = 1  // ANCOUNT 1: a CNAME chain ending in a name error is parsed by ldns
    #expect(WireCheck.bareNegative(answered) == nil)
    var refused = reply
    refused[3] = 5
    #expect(WireCheck.bareNegative(refused) == nil)
    #expect(WireCheck.bareNegative(Array(reply.prefix(20))) == nil)

    // NOERROR without answers: the zone's SOA in the authority section, then the OPT record.
    let questionEnd = 12 + WireCheck.question(ofQuery: query).count
    func withAuthority(_ type: UInt8, rdata: [UInt8]) -> [UInt8] {
      var bytes = Array(reply[..<questionEnd]) + [0xC0, 0x0C, 0, type, 0, 1, 0, 0, 0x0E, 0x10]
      bytes += [UInt8(rdata.count >> 8), UInt8(rdata.count & 0xFF)] + rdata + reply[questionEnd...]
      bytes[3] = 0x00
      bytes[9] = 1  // NSCOUNT
      return bytes
    }
    let soa = withAuthority(6, rdata: [0xC0, 0x0C, 0xC0, 0x0C] + [UInt8](repeating: 1, count: 20))
    let noData = try #require(WireCheck.bareNegative(soa))
    #expect(noData.rcode == DNSResponse.noError && noData.flags.authoritative)
    let parsed = try LDNSCodec.parse(soa).get()
    #expect(parsed.rcode == DNSResponse.noError && parsed.answer.isEmpty && parsed.authority.map(\.type) == [.soa])
    // An NS record there makes it a referral, which ldns parses; so does a record running off the end.
    #expect(WireCheck.bareNegative(withAuthority(2, rdata: [0xC0, 0x0C])) == nil)
    var cut = soa
    cut[questionEnd + 11] = 200  // RDLENGTH past the end of the reply
    #expect(WireCheck.bareNegative(cut) == nil)
  }

  @Test("a scope forgets its domain's own names when it ends, and keeps what others asked too")
  func scopeForgetsOwnNames() async throws {
    let files = try ZoneFileResolver(paths: Fixtures.zoneFiles)
    let cache = CachingResolver(upstream: files, retainedApexAnswers: 1)
    let domain = Fixtures.name("example.test")
    let other = cache.scope(for: Fixtures.name("other.test"))
    let scope = cache.scope(for: domain)
    _ = await scope.txt(domain)
    _ = await scope.txt(Fixtures.name("_dmarc.example.test"))
    _ = await scope.txt(Fixtures.name("sel._domainkey.example.test"))
    _ = await scope.txt(Fixtures.name("split.example.test"))
    _ = await other.txt(Fixtures.name("split.example.test"))
    _ = await scope.txt(Fixtures.name("example.test._report._dmarc.vendor.test"))
    #expect(scope.upstreamQueries == 5)
    #expect(await cache.entryCount() == 5)
    scope.end()
    // Left: the apex (retained) and the name the other scope asked too.
    #expect(await cache.entryCount() == 2)
    let third = cache.scope(for: Fixtures.name("third.test"))
    _ = await third.txt(Fixtures.name("third.test"))
    third.end()
    // One retained apex answer: the older one goes.
    #expect(await cache.entryCount() == 2)
    _ = await cache.txt(domain)
    #expect(await cache.counts().upstream == 7)
  }
}

@Suite("Large replies many at a time")
struct LargeReplyBatchTests {
  @Test("64 replies of 1,200 bytes arriving together are read whole over UDP")
  func largeRepliesInOneVectorRead() async throws {
    let server = try NSDServer.shared()
    var configuration = LDNSResolverConfiguration(nameservers: [server.nameserver])
    configuration.ednsSize = 4096
    let resolver = try await LDNSResolver(configuration: configuration)
    let name = Fixtures.name("wide.example.test")
    let replies = await resolver.queryAll(Array(repeating: DNSQuestion(name, .txt), count: 64))
    let expected =
      (0..<4).map { Array(repeating: UInt8(ascii: "a") + UInt8($0), count: 250) }
      + [Array(repeating: UInt8(ascii: "e"), count: 140)]
    for reply in replies {
      #expect(reply.failure == nil)
      #expect(reply.transport == .udp)
      guard case .txt(let data)? = reply.answer.first?.data else {
        Issue.record("no TXT in \(reply)")
        continue
      }
      #expect(data.strings == expected)
    }
    #expect(await resolver.statistics().tcpExchanges == 0)
  }
}

@Suite("Message IDs")
struct MessageIDTests {
  @Test("the ID ring holds every 16-bit ID once, in an order that differs between rings")
  func idRingIsAPermutation() {
    var first = IDRing()
    var second = IDRing()
    var a: [UInt16] = []
    var b: [UInt16] = []
    while let id = first.take() { a.append(id) }
    while let id = second.take() { b.append(id) }
    #expect(a.count == 65_536 && Set(a).count == 65_536)
    #expect(a != b)
  }

  @Test("buffered kernel randomness refills past its buffer and does not repeat itself")
  func bufferedRandomRefills() {
    var random = BufferedSystemRandom()
    let draws = (0..<10_000).map { _ in random.next() }
    #expect(Set(draws).count == draws.count)
  }
}
