import Foundation
import MailZoneNet
import MailZoneTestSupport
import Synchronization
import Testing

@testable import MailZoneDNS

/// Per-nameserver pacing: the AIMD window and token bucket by themselves, then `--qps` on the wire.
@Suite("Pacer: per-nameserver rate and adaptive back-off")
struct PacerTests {
  static let second: UInt64 = 1_000_000_000

  @Test("without --qps: a healthy server keeps the whole window; a REFUSED burst halves it once, answers regrow it")
  func window() {
    var pacer = Pacer(servers: 1, maxInFlight: 64, qps: nil, now: 0)
    let first = (UInt16(0)..<64).filter { pacer.request($0, server: 0, now: 0) }
    #expect(first.count == 64)
    let late = pacer.request(64, server: 0, now: 0)
    #expect(!late, "the 65th waits: the window is full")
    for id in UInt16(0)..<10 { pacer.ended(id, congested: true) }
    #expect(pacer.limits(server: 0).window == 32, "ten refusals sent in one round cut once")
    #expect(pacer.windowReductions == 1)
    let blocked = pacer.ready(now: 0).ids
    #expect(blocked.isEmpty, "54 in flight is over the new window of 32")
    for id in UInt16(10)..<40 { pacer.ended(id, congested: false) }
    #expect(pacer.limits(server: 0).window == 62, "each answer adds one")
    let resumed = pacer.ready(now: 0).ids
    #expect(resumed == [64], "the queued attempt starts once there is room")
    for id in UInt16(40)...64 { pacer.ended(id, congested: false) }
    #expect(pacer.limits(server: 0).window == 64, "back to the ceiling, not above")
    // Attempts sent after the cut may cut again, down to the floor and no further.
    for round in 0..<10 {
      let id = UInt16(100 + round)
      _ = pacer.request(id, server: 0, now: 0)
      _ = pacer.ready(now: 0)
      pacer.ended(id, congested: true)
    }
    #expect(pacer.limits(server: 0).window == Pacer.windowFloor)
  }

  @Test("with --qps: a tenth of a second of burst, then one token per 1/qps; a cut halves the rate")
  func bucket() {
    var pacer = Pacer(servers: 2, maxInFlight: 512, qps: 50, now: 0)
    let started = (UInt16(0)..<20).filter { pacer.request($0, server: 0, now: 0) }
    #expect(started.count == 5, "burst of 50/10")
    let other = pacer.request(100, server: 1, now: 0)
    #expect(other, "the other server has its own bucket")
    let (none, wake) = pacer.ready(now: 0)
    #expect(none.isEmpty)
    #expect(wake == Self.second / 50, "the next token in 20 ms")
    let next = pacer.ready(now: Self.second / 50).ids
    #expect(next == [5])
    let refilled = pacer.ready(now: Self.second / 5).ids
    #expect(refilled.count == 5, "200 ms later the bucket is full again (5 tokens)")
    pacer.ended(0, congested: true)
    #expect(pacer.limits(server: 0).rate == 25)
    pacer.ended(1, congested: false)
    #expect(pacer.limits(server: 0).rate == 26)
  }

  @Test("an attempt that ends while queued leaves the queue; unknown ids are ignored")
  func forget() {
    var pacer = Pacer(servers: 1, maxInFlight: 1, qps: nil, now: 0)
    let sent = [1, 2, 3].map { pacer.request($0, server: 0, now: 0) }
    #expect(sent == [true, false, false])
    pacer.ended(2, congested: false)
    pacer.ended(999, congested: true)
    pacer.ended(1, congested: false)
    let ready = pacer.ready(now: 0).ids
    #expect(ready == [3])
  }

  @Test("--qps 50 on the wire: 100 questions take at least 1.8 s to arrive")
  func qpsOnTheWire() async throws {
    let arrivals = Mutex<[ContinuousClock.Instant]>([])
    let server = try ScriptedServer { query in
      arrivals.withLock { $0.append(ContinuousClock.now) }
      return [ScriptedServer.answer(to: query)]
    }
    var configuration = LDNSResolverConfiguration(
      nameservers: [Nameserver(address: .v4(IPv4Address(127, 0, 0, 1)), port: server.port)])
    configuration.queriesPerSecond = 50
    let resolver = try await LDNSResolver(configuration: configuration)
    await withTaskGroup(of: Void.self) { group in
      for index in 0..<100 {
        group.addTask { _ = await resolver.a(try! DNSName("q\(index).paced.test")) }
      }
    }
    let statistics = await resolver.statistics()
    await resolver.close()
    let times = arrivals.withLock { $0 }
    #expect(times.count == 100)
    let spread = try #require(times.last) - (try #require(times.first))
    #expect(spread >= .milliseconds(1800), "100 queries at 50/s with a burst of 5 need 1.9 s; took \(spread)")
    #expect(statistics.backoffs == 0, "answers never cut the rate")
  }

  @Test("a server that REFUSES is backed off; a healthy loopback server never is")
  func refusedBacksOff() async throws {
    let refusing = try ScriptedServer { [ScriptedServer.answer(to: $0, rcode: 5)] }
    var configuration = LDNSResolverConfiguration(
      nameservers: [Nameserver(address: .v4(IPv4Address(127, 0, 0, 1)), port: refusing.port)])
    configuration.maxInFlight = 256
    let resolver = try await LDNSResolver(configuration: configuration)
    for round in 0..<3 {
      await withTaskGroup(of: Void.self) { group in
        for index in 0..<64 {
          group.addTask { _ = await resolver.a(try! DNSName("r\(round)-\(index).refused.test")) }
        }
      }
    }
    let refused = await resolver.statistics()
    await resolver.close()
    #expect(refused.backoffs >= 3, "one cut per round at least")

    let nsd = try await LDNSResolver(
      configuration: LDNSResolverConfiguration(nameservers: [NSDServer.shared().nameserver]))
    await withTaskGroup(of: Void.self) { group in
      for index in 0..<300 { group.addTask { _ = await nsd.txt(Fixtures.name("n\(index).example.test")) } }
    }
    let healthy = await nsd.statistics()
    await nsd.close()
    #expect(healthy.backoffs == 0 && healthy.timeouts == 0)
  }
}
