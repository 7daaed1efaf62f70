import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// The tree's shape, node by node and term by term, against hand counts of `spf.test`.
@Suite("SPF lookup tree: nodes, terms and running totals")
struct SPFLookupTreeShapeTests {
  /// (term as written, cost, running lookups after it) for the costed and `all` terms of a node.
  typealias Row = (term: String, cost: Int, lookups: Int)

  func rows(_ node: SPFTreeNode?) -> [String] {
    (node?.terms ?? []).filter { $0.cost > 0 || $0.name == "all" }.map { "\($0.text) +\($0.cost) =\($0.lookups)" }
  }

  func rows(_ expected: [Row]) -> [String] { expected.map { "\($0.term) +\($0.cost) =\($0.lookups)" } }

  @Test("eleven.spf.test by hand: every node, every costed term, the 10th and the 11th lookup")
  func elevenByHand() async throws {
    let tree = try await SPFTreeFixtures.tree("eleven.spf.test")
    #expect(
      tree.nodes.map(\.domain.description) == [
        "eleven.spf.test", "_spf.google.test", "_netblocks.google.test", "_netblocks2.google.test",
        "_netblocks3.google.test", "inner.spf.test",
      ])
    #expect(tree.nodes.map(\.id) == [0, 1, 2, 3, 4, 5])
    #expect(tree.nodes.map(\.depth) == [0, 1, 2, 2, 2, 1])
    #expect(tree.nodes.map(\.ownLookups) == [4, 3, 0, 0, 0, 4])
    #expect(tree.nodes.map(\.subtreeLookups) == [11, 3, 0, 0, 0, 4])
    #expect(
      rows(tree.node("eleven.spf.test"))
        == rows([
          ("a", 1, 1), ("mx", 1, 2), ("include:_spf.google.test", 1, 3), ("include:inner.spf.test", 1, 7),
          ("-all", 0, 11),
        ]))
    #expect(
      rows(tree.node("_spf.google.test"))
        == rows([
          ("include:_netblocks.google.test", 1, 4), ("include:_netblocks2.google.test", 1, 5),
          ("include:_netblocks3.google.test", 1, 6), ("~all", 0, 6),
        ]))
    #expect(rows(tree.node("_netblocks.google.test")) == rows([("~all", 0, 4)]))
    #expect(tree.node("_netblocks.google.test")?.terms.count == 12)
    #expect(
      rows(tree.node("inner.spf.test"))
        == rows([
          ("a:host1.spf.test", 1, 8), ("a:host2.spf.test", 1, 9), ("exists:host3.spf.test", 1, 10),
          ("mx:mail.spf.test", 1, 11), ("~all", 0, 11),
        ]))
    let last = try #require(tree.lastAllowedLookup)
    #expect((last.node, last.domain.description, last.term) == (5, "inner.spf.test", "exists:host3.spf.test"))
    let overflow = try #require(tree.overflow)
    #expect((overflow.node, overflow.term, overflow.offset) == (5, "mx:mail.spf.test", 63))
    let problem = try #require(tree.problems.first { $0.code == .tooManyLookups })
    #expect(problem.location == overflow)
    #expect(problem.message.contains("11 dns lookups"))
    #expect(tree.node("inner.spf.test")?.terms[3].mxNames == 2)
  }

  @Test("the Google-like chain: 4 lookups, edges, depths, facts of the top record")
  func googleChain() async throws {
    let tree = try await SPFTreeFixtures.tree("google.spf.test")
    #expect(tree.lookups == 4)
    #expect(tree.nodes.count == 5)
    #expect(tree.nodes.map(\.edge) == [.root, .include, .include, .include, .include])
    #expect(tree.includes == ["_spf.google.test"])
    #expect(tree.all == "~all")
    #expect(tree.record == "v=spf1 include:_spf.google.test ~all")
    #expect(tree.strings == 1)
    #expect(tree.length == 36)
    #expect(tree.lastAllowedLookup == nil)
    #expect(tree.overflow == nil)
    #expect(tree.valid == true)
    #expect(tree.problems.isEmpty)
  }

  @Test("exactly 10: the 10th lookup is marked, nothing overflows")
  func exactlyTen() async throws {
    let tree = try await SPFTreeFixtures.tree("ten.spf.test")
    #expect(tree.lastAllowedLookup?.term == "mx:mail.spf.test")
    #expect(tree.overflow == nil)
    #expect(tree.root.terms.map(\.lookups) == [1, 5, 6, 7, 8, 9, 10, 10])
  }

  @Test("a redirect is evaluated after the mechanisms, and ignored next to all")
  func redirectOrder() async throws {
    let followed = try await SPFTreeFixtures.tree("redirect.spf.test")
    #expect(followed.root.terms.map(\.name) == ["ip4", "redirect"])
    let redirect = try #require(followed.root.terms.last)
    #expect((redirect.cost, redirect.lookups, redirect.child?.edge) == (1, 1, .redirect))
    #expect(redirect.child?.terms.map(\.lookups) == [2, 3, 3])
    let ignored = try await SPFTreeFixtures.tree("redirectall.spf.test")
    #expect(ignored.root.terms.map(\.text) == ["a:host1.spf.test", "-all", "redirect=_spf.spf.test"])
    let unused = try #require(ignored.root.terms.last)
    #expect(unused.ignored && unused.cost == 0 && unused.child == nil)
    #expect(unused.offset == 7)
    #expect(ignored.problems.map(\.code) == [.ignoredRedirect])
  }

  @Test("void lookups: each marked, running count, the third is the one over the limit")
  func voids() async throws {
    let tree = try await SPFTreeFixtures.tree("threevoids.spf.test")
    #expect(tree.root.terms.map(\.void) == [true, true, true, false])
    #expect(tree.root.terms.map(\.voidLookups) == [1, 2, 3, 3])
    let over = try #require(tree.problems.first { $0.code == .tooManyVoidLookups })
    #expect(over.location.term == "exists:gone3.spf.test")
    #expect(tree.problems.filter { $0.code == .voidLookup }.count == 3)
  }

  @Test("macros and ptr: counted, marked IP-dependent, never followed or queried")
  func ipDependent() async throws {
    let tree = try await SPFTreeFixtures.tree("macros.spf.test")
    let costed = tree.root.terms.filter { $0.cost > 0 }
    #expect(costed.map(\.ipDependent) == [true, true, true, true])
    #expect(costed.map(\.target) == ["%{i}._spf.spf.test", "%{d}.inc.spf.test", "%{l}.host.spf.test", nil])
    #expect(costed.allSatisfy { $0.child == nil && !$0.void })
    #expect(tree.queries == 1)
    #expect(tree.problems.filter { $0.code == .ipDependent }.count == 4)
  }

  @Test("include targets without a record are leaf nodes that say why")
  func missingRecords() async throws {
    let nx = try await SPFTreeFixtures.tree("incnx.spf.test")
    #expect(nx.node("nowhere.spf.test")?.status == .none(void: true, status: .nxDomain))
    #expect(nx.root.terms.first?.void == true)
    let noSPF = try await SPFTreeFixtures.tree("incnospf.spf.test")
    #expect(noSPF.node("nospf.spf.test")?.status == .none(void: false, status: .noError))
    #expect(noSPF.root.terms.first?.void == false)
    let loop = try await SPFTreeFixtures.tree("loop.spf.test")
    let back = try #require(loop.node("loop2.spf.test")?.terms.first { $0.name == "include" })
    #expect(back.child?.status == .loop)
    #expect(back.child?.terms.isEmpty == true)
    #expect(loop.problems.first { $0.code == .loop }?.location.node == 1)
  }

  @Test("record facts: split strings, several records, malformed terms, terms after all")
  func recordFacts() async throws {
    let split = try await SPFTreeFixtures.tree("split.spf.test")
    #expect(split.strings == 3)
    #expect(split.root.strings == [24, 25, 4])
    #expect(split.record == "v=spf1 ip4:192.0.2.0/24 include:_spf.google.test -all")
    #expect(split.length == 53)
    let multiple = try await SPFTreeFixtures.tree("multiple.spf.test")
    #expect((multiple.exists, multiple.records, multiple.record, multiple.includes) == (true, 2, nil, nil))
    let malformed = try await SPFTreeFixtures.tree("malformed.spf.test")
    let bad = try #require(malformed.root.terms.first { $0.syntaxError != nil })
    #expect((bad.text, bad.offset, bad.cost) == ("ip4:192.0.2.300", 32, 0))
    #expect(malformed.problems.first?.code == .malformedRecord)
    let afterAll = try await SPFTreeFixtures.tree("afterall.spf.test")
    #expect(afterAll.root.terms.map(\.afterAll) == [false, false, true])
    #expect(afterAll.all == "-all")
    let none = try await SPFTreeFixtures.tree("nothing.spf.test")
    #expect((none.exists, none.records, none.all, none.includes, none.lookups) == (false, 0, nil, nil, nil))
  }

  @Test("offline, an include outside the zone files is unknown: counted, a warning, validity left open")
  func outsideZones() async throws {
    let tree = try await SPFTreeFixtures.tree("incbroken.spf.test")
    #expect(tree.node("spf.broken.test")?.status == .dnsError(.outsideZones))
    #expect(tree.problems.map(\.code) == [.outsideZones])
    #expect(tree.problems.first?.severity == .warning)
    #expect(tree.isComplete && tree.hasUnknownNames)
    #expect(tree.lookups == 1)
    #expect(tree.valid == nil)
  }

  @Test("mx: the name count is kept; 11 names is an error at that term")
  func mxNames() async throws {
    let tree = try await SPFTreeFixtures.tree("mx11.spf.test")
    #expect(tree.root.terms.first?.mxNames == 11)
    #expect(tree.problems.first { $0.code == .tooManyMXNames }?.location.term == "mx:eleven-names.spf.test")
  }
}
