import MailZoneDNS
import MailZoneNet
import MailZoneTestSupport
import Testing

/// Replies a resolver must not believe, sent as real datagrams from a scripted loopback server.
@Suite("Hostile and broken answers")
struct HostileAnswerTests {
  func resolver(_ server: ScriptedServer) async throws -> LDNSResolver {
    var configuration = LDNSResolverConfiguration(nameservers: [try Nameserver(parsing: server.nameserver)])
    configuration.timeout = .milliseconds(300)
    configuration.tries = 1
    return try await LDNSResolver(configuration: configuration)
  }

  @Test("a forged reply with the wrong ID is dropped; the real one that follows is taken")
  func wrongID() async throws {
    let server = try ScriptedServer { query in
      let id = UInt16(query[0]) << 8 | UInt16(query[1])
      return [ScriptedServer.answer(to: query, id: id &+ 1), ScriptedServer.answer(to: query)]
    }
    let dns = try await resolver(server)
    let answer = await dns.a(Fixtures.name("host.example.test"))
    #expect(answer.records == [IPv4Address(192, 0, 2, 1)])
    #expect(await dns.statistics().mismatchedReplies == 1)
  }

  @Test("a reply to another question is dropped, so the query times out")
  func wrongQuestion() async throws {
    let server = try ScriptedServer { query in
      var reply = ScriptedServer.answer(to: query)
      reply[13] ^= 0x01  // change a letter of the first label
      return [reply]
    }
    let dns = try await resolver(server)
    #expect(await dns.a(Fixtures.name("host.example.test")).status == .timeout)
  }

  @Test("garbage with the right ID and question is an error, not a crash")
  func garbage() async throws {
    let server = try ScriptedServer { query in
      var reply = ScriptedServer.answer(to: query)
      reply[7] = 9  // claims nine answers, carries one
      return [reply]
    }
    let dns = try await resolver(server)
    let answer = await dns.a(Fixtures.name("host.example.test"))
    guard case .error(let message) = answer.status else {
      Issue.record("expected an error, got \(answer.status)")
      return
    }
    #expect(message.hasPrefix("malformed reply"))
  }

  @Test("short datagrams and queries (QR=0) echoed back are ignored")
  func notReplies() async throws {
    let server = try ScriptedServer { query in [[0x12], query, ScriptedServer.answer(to: query)] }
    let dns = try await resolver(server)
    #expect(await dns.a(Fixtures.name("host.example.test")).status == .noError)
    #expect(await dns.statistics().mismatchedReplies == 2)
  }
}
