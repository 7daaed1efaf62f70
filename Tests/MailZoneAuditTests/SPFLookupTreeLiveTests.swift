import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// The same trees from NSD on loopback as from the zone files, and what a cache saves.
@Suite("SPF lookup tree: over real DNS (NSD on loopback)")
struct SPFLookupTreeLiveTests {
  static let domains = [
    "google.spf.test", "ten.spf.test", "eleven.spf.test", "threevoids.spf.test", "loop.spf.test",
    "incnx.spf.test", "incnospf.spf.test", "redirect.spf.test", "redirectall.spf.test", "macros.spf.test",
    "mx11.spf.test", "multiple.spf.test", "malformed.spf.test", "split.spf.test", "nothing.spf.test",
    "cycle0.spf.test", "mx500.spf.test",
  ]

  func live() async throws -> LDNSResolver {
    let server = try NSDServer.shared()
    return try await LDNSResolver(configuration: LDNSResolverConfiguration(nameservers: [server.nameserver]))
  }

  /// What must not depend on where the answers came from.
  func summary(_ tree: SPFLookupTree) -> String {
    let nodes = tree.nodes.map { "\($0.domain)/\($0.status.name)/\($0.terms.map(\.lookups))" }
    return "\(tree.lookups as Any) \(tree.voidLookups as Any) \(tree.valid as Any) \(tree.codes) \(nodes)"
  }

  @Test("NSD and the zone files give the same tree", arguments: domains)
  func sameTree(_ domain: String) async throws {
    let resolver = try await live()
    let overWire = await SPFLookupTree.build(domain: Fixtures.name(domain), resolver: resolver)
    let fromFiles = try await SPFTreeFixtures.tree(domain)
    await resolver.close()
    #expect(summary(overWire) == summary(fromFiles))
    #expect(overWire.queries == fromFiles.queries)
    #expect(overWire.isComplete)
  }

  @Test("a SERVFAIL include makes the tree incomplete: valid unknown, a dns-error problem")
  func servfail() async throws {
    let resolver = try await live()
    let tree = await SPFLookupTree.build(domain: Fixtures.name("incbroken.spf.test"), resolver: resolver)
    await resolver.close()
    #expect(!tree.isComplete)
    #expect(tree.valid == nil)
    #expect(tree.lookups == 1)
    #expect(tree.node("spf.broken.test")?.status == .dnsError(.servFail))
    #expect(tree.problems.map(\.code) == [.dnsError])
    #expect(tree.problems.first?.severity == .inconclusive)
  }

  @Test("through a CachingResolver a shared subtree costs nothing the second time")
  func cachedSubtree() async throws {
    let live = try await live()
    let cache = CachingResolver(upstream: live)
    let first = await SPFLookupTree.build(domain: Fixtures.name("google.spf.test"), resolver: cache)
    #expect(await cache.counts().upstream == 5)
    let second = await SPFLookupTree.build(domain: Fixtures.name("ten.spf.test"), resolver: cache)
    // ten.spf.test's TXT and its six a/mx/exists questions; the four Google records are cached.
    #expect(await cache.counts().upstream == 5 + 7)
    #expect(await cache.counts().hits == 4)
    await live.close()
    #expect((first.lookups, second.lookups) == (4, 10))
  }
}
