import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

@testable import MailZoneGenerate

/// The choices a plan makes when fixes meet at one name, without an audit in between.
@Suite("FixPlan: conflicts, duplicates and what is claimed as resolved")
struct PlanStateTests {
  static let spfA = "acme.test. 3600 IN TXT \"v=spf1 ip4:192.0.2.0/24 -all\""
  static let spfB = "acme.test. 3600 IN TXT \"v=spf1 ip4:198.51.100.0/24 ~all\""
  static let verification = "acme.test. 3600 IN TXT \"site-verification=1\""

  static func finding(_ id: String, _ severity: Severity, fix: String) -> Finding {
    Finding(checkID: id, severity: severity, subject: "acme.test TXT", message: "\(id) message", fix: fix)
  }

  static func proposal(_ finding: Finding) throws -> Proposal {
    Proposal(finding: finding, records: try FixLines.parse(try #require(finding.fix)))
  }

  @Test("two different SPF records for one name: the most severe wins, the other is named as not applied")
  func conflict() throws {
    let error = Self.finding("spf.a", .error, fix: Self.spfA)
    let warning = Self.finding("spf.b", .warning, fix: Self.spfB)
    var state = PlanState()
    #expect(state.apply([try Self.proposal(error), try Self.proposal(warning)], published: [:]))
    let plan = state.plan(
      domain: Fixtures.name("acme.test"), original: [error, warning], final: [warning], isComplete: true)
    try #require(plan.changes.count == 1)
    #expect(plan.changes[0].records.map(\.value) == ["v=spf1 ip4:192.0.2.0/24 -all"])
    #expect(plan.changes[0].resolves.map(\.checkID) == ["spf.a"])
    #expect(plan.changes[0].superseded.map(\.checkID) == ["spf.b"])
    #expect(plan.stillOpen.map(\.checkID) == ["spf.b"])
    #expect(plan.bindSnippet.contains("; resolves spf.a: spf.a message\n"))
    #expect(plan.bindSnippet.contains("; not applied: spf.b (spf.b message): its fix conflicts with this one\n"))
    #expect(plan.bindSnippet.contains("; still open: spf.b: spf.b message"))
    #expect(!plan.bindSnippet.contains("v=spf1 ip4:198.51.100.0/24"))
  }

  @Test("the same fix line from two findings is printed once and resolves both")
  func duplicate() throws {
    let one = Self.finding("dmarc.one", .warning, fix: Self.spfA)
    let two = Self.finding("dmarc.two", .info, fix: Self.spfA)
    var state = PlanState()
    #expect(state.apply([try Self.proposal(one), try Self.proposal(two)], published: [:]))
    let plan = state.plan(domain: Fixtures.name("acme.test"), original: [one, two], final: [], isComplete: true)
    #expect(plan.changes.count == 1)
    #expect(plan.changes[0].records.count == 1)
    #expect(plan.changes[0].resolves.map(\.checkID) == ["dmarc.one", "dmarc.two"])
    #expect(plan.bindSnippet.components(separatedBy: "v=spf1 ip4:192.0.2.0/24 -all").count == 2)
  }

  @Test("TXT of another kind at the same name is a different slot: both are kept")
  func kinds() throws {
    let spf = Self.finding("spf.a", .error, fix: Self.spfA)
    let other = Self.finding("txt.other", .info, fix: Self.verification)
    var state = PlanState()
    #expect(state.apply([try Self.proposal(spf), try Self.proposal(other)], published: [:]))
    let plan = state.plan(domain: Fixtures.name("acme.test"), original: [spf, other], final: [], isComplete: true)
    #expect(plan.changes.map(\.slot.kind) == ["v=spf1", nil])
    #expect(plan.changes.allSatisfy { $0.superseded.isEmpty })
  }

  @Test("a proposal already published changes nothing, so planning stops")
  func settled() throws {
    let spf = Self.finding("spf.a", .error, fix: Self.spfA)
    var state = PlanState()
    #expect(state.apply([try Self.proposal(spf)], published: [:]))
    #expect(!state.apply([try Self.proposal(spf)], published: [:]))
  }

  @Test("a fix that is not a zone line is reported, not printed")
  func unreadable() {
    var state = PlanState()
    state.unreadable(Self.finding("x.y", .warning, fix: "not a record"), "bad")
    state.unreadable(Self.finding("x.y", .warning, fix: "not a record"), "bad")
    let plan = state.plan(domain: Fixtures.name("acme.test"), original: [], final: [], isComplete: false)
    #expect(plan.unreadable.count == 1)
    #expect(plan.bindSnippet.contains("; skipped: the fix for x.y is not a valid zone line: bad"))
    #expect(plan.bindSnippet.contains("; the audit was incomplete"))
  }
}
