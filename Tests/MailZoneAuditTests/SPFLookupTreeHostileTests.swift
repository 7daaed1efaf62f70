import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// Hostile graphs end quickly, within the budget, marked as cut short and invalid.
@Suite("SPF lookup tree: hostile graphs stay bounded")
struct SPFLookupTreeHostileTests {
  /// A loose wall-clock guard: alone each case takes well under a second, but the suite shares two
  /// cooperative threads with tests that block them, so the work bounds below are the real check
  /// and this only catches a blow-up (an unbounded walk takes hours).
  static let guardTime = Duration.seconds(60)

  /// Runs `body` and returns how long it took.
  func timed<T>(_ body: () async throws -> T) async rethrows -> (T, Duration) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try await body()
    return (value, clock.now - start)
  }

  @Test("2,000 includes below the top: stopped by the budgets, the 11th lookup still located")
  func fanOut() async throws {
    let budget = SPFLookupTree.Budget.standard
    let resolver = try SPFTreeFixtures.resolver()  // zone parsing is not what is timed
    let (tree, elapsed) = try await timed { try await SPFTreeFixtures.tree("fanout.test", resolver: resolver) }
    #expect(elapsed < Self.guardTime)
    #expect(tree.truncated)
    #expect(tree.valid == false)
    #expect(tree.errorCodes.isSuperset(of: [.tooManyLookups, .truncated]))
    #expect(tree.queries <= budget.maximumQueries)
    #expect(tree.nodes.count <= budget.maximumNodes)
    // include:m0 is the 1st lookup, m0's fifty includes the 2nd to the 51st.
    #expect(tree.overflow?.domain == Fixtures.name("m0.fanout.test"))
    #expect(tree.overflow?.term == "include:l0-9.fanout.test")
    // The top 40 includes, and the 50 of each of m0...m9, walked until the tree holds 500 records.
    #expect(tree.lookups == 40 + 10 * 50)
  }

  @Test("a doubling diamond 25 deep: each name asked once, the walk stopped by the node budget")
  func diamond() async throws {
    let resolver = try SPFTreeFixtures.resolver()  // zone parsing is not what is timed
    let (tree, elapsed) = try await timed { try await SPFTreeFixtures.tree("diamond0.spf.test", resolver: resolver) }
    #expect(elapsed < Self.guardTime)
    // diamond0 ... diamond22: records down to depth 21 are walked, depth 22 is only judged.
    #expect(tree.queries == 23)
    #expect(tree.nodes.count == SPFLookupTree.Budget.standard.maximumNodes)
    #expect(tree.truncated)
    #expect(tree.errorCodes.contains(.truncated))
  }

  @Test("an include cycle of 50: walked 21 deep, every query asked once")
  func cycle() async throws {
    let tree = try await SPFTreeFixtures.tree("cycle0.spf.test")
    #expect(tree.nodes.map(\.depth).max() == 22)
    #expect(tree.nodes.last?.status == .notFollowed(.tooDeep))
    #expect(tree.queries == 23)
  }

  @Test("500 MX names: one MX query, a permerror, no address lookups")
  func fiveHundredMX() async throws {
    let resolver = try SPFTreeFixtures.resolver()  // zone parsing is not what is timed
    let (tree, elapsed) = try await timed { try await SPFTreeFixtures.tree("mx500.spf.test", resolver: resolver) }
    #expect(elapsed < Self.guardTime)
    #expect(tree.root.terms.first?.mxNames == 500)
    #expect(tree.errorCodes == [.tooManyMXNames])
    #expect(tree.queries == 2)
  }

  @Test("an endless graph made up on the fly ends at the depth and node budgets")
  func endless() async throws {
    let resolver = EndlessSPFResolver()
    let (tree, elapsed) = await timed {
      await SPFLookupTree.build(domain: Fixtures.name("endless.test"), resolver: resolver)
    }
    #expect(elapsed < Self.guardTime)
    #expect(tree.truncated)
    #expect(tree.valid == false)
    let asked = await resolver.counter.value
    #expect(asked == tree.queries)
    #expect(asked <= SPFLookupTree.Budget.standard.maximumQueries)
  }

  @Test(
    "a small budget cuts an ordinary tree and says so",
    arguments: [
      (queries: 3, nodes: 500, why: "three questions: the root, _spf and one _netblocks"),
      (queries: 1000, nodes: 2, why: "two records: the root and _spf"),
    ])
  func smallBudget(_ limits: (queries: Int, nodes: Int, why: String)) async throws {
    var budget = SPFLookupTree.Budget()
    budget.maximumQueries = limits.queries
    budget.maximumNodes = limits.nodes
    let tree = try await SPFTreeFixtures.tree("google.spf.test", budget: budget)
    #expect(tree.truncated, "\(limits.why)")
    #expect(tree.errorCodes == [.truncated], "\(limits.why)")
    #expect(tree.valid == false)
    #expect(tree.queries <= limits.queries)
    #expect(tree.nodes.count <= limits.nodes)
  }
}

/// Counts questions across concurrent tasks.
actor QuestionCounter {
  private(set) var value = 0
  func add() { value += 1 }
}

/// Every name has a record including two longer names: an infinite binary tree of includes.
struct EndlessSPFResolver: Resolver {
  let counter = QuestionCounter()

  func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    await counter.add()
    guard type == .txt, let left = try? name.prepending("a"), let right = try? name.prepending("b") else {
      return DNSResponse(rcode: DNSResponse.nxDomain, transport: .none)
    }
    let text = "v=spf1 include:\(left) include:\(right) a:\(left) -all"
    let record = ResourceRecord(owner: name, type: .txt, ttl: 60, data: .txt(TXTData(strings: [Array(text.utf8)])))
    return DNSResponse(answer: [record], transport: .none)
  }
}
