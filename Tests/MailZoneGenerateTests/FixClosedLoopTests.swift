import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneGenerate
import MailZoneNet
import MailZoneTestSupport
import Testing

/// The fix snippet, pasted into the zone it was written for, makes every fixable finding go away.
@Suite("mailzone fix: closed loop over the bundled outreach zone")
struct FixClosedLoopTests {
  static let packageRoot = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let outreach = packageRoot.appendingPathComponent("Examples/outreach.example.zone").path
  static let domain = Fixtures.name("outreach.example")

  /// Audits `zone` offline and plans its fixes.
  static func audit(_ zone: ZoneFile) async -> (AuditReport, FixPlan) {
    let cache = CachingResolver(upstream: ZoneFileResolver(files: [zone]))
    let options = AuditOptions(publicSuffixList: nil)
    let report = await AuditRunner(cache: cache, options: options).audit(domain)
    return (report, await FixPlanner(cache: cache, options: options).plan(report))
  }

  /// The zone with the records the snippet replaces taken out, then the snippet pasted as it is.
  static func applied(_ snippet: String, to zone: ZoneFile) throws -> String {
    let slots = Set(try FixLines.parse(snippet).map(FixSlot.init))
    var lines = ["$ORIGIN \(zone.apex.absoluteText)"]
    for entry in zone.entries where !slots.contains(where: { $0.covers(entry.record) }) {
      let record = entry.record
      lines.append("\(record.owner.absoluteText) \(record.ttl) IN \(record.type) \(record.data.presentation)")
    }
    return lines.joined(separator: "\n") + "\n" + snippet
  }

  static func key(_ finding: Finding) -> String { finding.checkID + " @ " + finding.subject }

  @Test("after the snippet, no finding that had a fix remains and no new error appears")
  func closedLoop() async throws {
    let zone = try ZoneFile(path: Self.outreach)
    let (before, plan) = await Self.audit(zone)
    let fixable = before.findings.filter { $0.fix != nil }
    try #require(fixable.count >= 3, "the example zone is meant to have several fixable findings")
    #expect(plan.isComplete)
    #expect(plan.stillOpen.isEmpty, "\(plan.stillOpen.map(Self.key))")
    #expect(plan.introduced.isEmpty, "\(plan.introduced.map(Self.key))")
    #expect(plan.unreadable.isEmpty)
    let fixedZone = try ZoneFile(text: try Self.applied(plan.bindSnippet, to: zone), path: "outreach-fixed")
    let after = await AuditRunner(
      cache: CachingResolver(upstream: ZoneFileResolver(files: [fixedZone])),
      options: AuditOptions(publicSuffixList: nil)
    ).audit(Self.domain)
    #expect(after.isComplete)
    let remaining = Set(after.findings.map(Self.key))
    for finding in fixable {
      #expect(
        !remaining.contains(Self.key(finding)), "still there after the fix: \(finding.checkID): \(finding.message)")
    }
    let errorsBefore = Set(before.findings.filter { $0.severity == .error }.map(Self.key))
    for finding in after.findings where finding.severity == .error {
      #expect(errorsBefore.contains(Self.key(finding)), "new error: \(finding.checkID): \(finding.message)")
    }
    // Every fixable finding is claimed by exactly one change, and errors come before warnings.
    let claimed = plan.changes.flatMap(\.resolves).map(Self.key)
    #expect(Set(claimed).isSuperset(of: fixable.map(Self.key)))
  }

  @Test("one record per name, type and kind: the two DMARC fixes (p=quarantine, rua=) end in one record")
  func noConflictingRecords() async throws {
    let (_, plan) = await Self.audit(try ZoneFile(path: Self.outreach))
    let records = try FixLines.parse(plan.bindSnippet)
    #expect(records.count == Set(records).count, "no record is printed twice")
    let singletons = records.filter { $0.type == .txt }.map(FixSlot.init)
    #expect(singletons.count == Set(singletons).count, "one TXT of each kind per name")
    let spf = records.filter { FixSlot($0) == FixSlot(owner: Self.domain, type: .txt, kind: "v=spf1") }
    #expect(spf.count == 1)
    let dmarcSlot = FixSlot(owner: Fixtures.name("_dmarc.outreach.example"), type: .txt, kind: "v=dmarc1")
    let dmarc = try #require(plan.changes.first { $0.slot == dmarcSlot })
    #expect(Set(dmarc.resolves.map(\.checkID)) == ["dmarc.policy-none", "dmarc.no-aggregate-reports"])
    #expect(dmarc.records.map(\.value) == ["v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@outreach.example"])
    for change in plan.changes {
      for finding in change.resolves {
        #expect(plan.bindSnippet.contains("; resolves \(finding.checkID): "))
      }
    }
  }

  @Test("a zone with nothing to fix gives an empty plan; what no fix addresses is listed")
  func nothingToFix() async throws {
    let zone = try ZoneFile(
      text: """
        $ORIGIN quiet.test.
        @ 300 SOA ns hostmaster 1 3600 600 86400 300
        @ 300 MX 0 .
        @ 300 TXT "v=spf1 -all"
        _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@quiet.test"
        """, path: "quiet")
    let cache = CachingResolver(upstream: ZoneFileResolver(files: [zone]))
    let report = await AuditRunner(cache: cache, options: AuditOptions(publicSuffixList: nil)).audit(
      Fixtures.name("quiet.test"))
    let plan = await FixPlanner(cache: cache, options: AuditOptions(publicSuffixList: nil)).plan(report)
    #expect(report.findings.allSatisfy { $0.fix == nil }, "\(report.findings.map(Self.key))")
    #expect(plan.isEmpty)
    // Reports to an address at a null-MX domain cannot arrive: a person has to pick another.
    #expect(plan.noFix.map(\.checkID) == ["dmarc.report-destination-undeliverable"])
    #expect(plan.bindSnippet.hasPrefix("; quiet.test: no change to suggest\n\n; no automatic fix: warning "))
  }

  @Test("an MX fix keeps the other exchanges: the snippet lists the whole MX set, and the loop closes")
  func mxSetKept() async throws {
    let zone = try ZoneFile(
      text: """
        $ORIGIN sets.test.
        @ 300 SOA ns hostmaster 1 3600 600 86400 300
        @ 300 MX 10 mail
        @ 300 MX 10 relay
        @ 300 MX 20 backup
        mail 300 CNAME mx-a
        relay 300 CNAME mx-b
        mx-a 300 A 192.0.2.25
        mx-b 300 A 192.0.2.26
        backup 300 A 192.0.2.27
        @ 300 TXT "v=spf1 mx -all"
        _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@sets.test"
        """, path: "sets")
    let cache = CachingResolver(upstream: ZoneFileResolver(files: [zone]))
    let options = AuditOptions(publicSuffixList: nil)
    let domain = Fixtures.name("sets.test")
    let before = await AuditRunner(cache: cache, options: options).audit(domain)
    let plan = await FixPlanner(cache: cache, options: options).plan(before)
    #expect(before.findings.filter { $0.checkID == "mx.cname" }.count == 2)
    let mx = try FixLines.parse(plan.bindSnippet).filter { $0.type == .mx }.map(\.data.presentation)
    #expect(Set(mx) == ["10 mx-a.sets.test.", "10 mx-b.sets.test.", "20 backup.sets.test."])
    #expect(mx.count == 3)
    let fixed = try ZoneFile(text: try Self.applied(plan.bindSnippet, to: zone), path: "sets-fixed")
    let after = await AuditRunner(cache: CachingResolver(upstream: ZoneFileResolver(files: [fixed])), options: options)
      .audit(domain)
    #expect(!after.findings.contains { $0.checkID == "mx.cname" })
    #expect(after.snapshot.mx.hosts.count == 3)
    #expect(plan.stillOpen.isEmpty)
  }

  /// A domain whose SPF record takes 12 lookups through three providers of four each.
  static let overLimit = """
    $ORIGIN heavy.test.
    @ 300 SOA ns hostmaster 1 3600 600 86400 300
    @ 300 MX 0 .
    @ 300 TXT "v=spf1 include:a.prov.test include:b.prov.test include:c.prov.test -all"
    _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@heavy.test"
    """
  static let providers = """
    $ORIGIN prov.test.
    @ 300 SOA ns hostmaster 1 3600 600 86400 300
    a 300 TXT "v=spf1 include:a1.prov.test include:a2.prov.test include:a3.prov.test -all"
    a1 300 TXT "v=spf1 ip4:192.0.2.16/28 -all"
    a2 300 TXT "v=spf1 ip4:192.0.2.32/28 -all"
    a3 300 TXT "v=spf1 ip4:192.0.2.48/28 -all"
    b 300 TXT "v=spf1 include:b1.prov.test include:b2.prov.test include:b3.prov.test -all"
    b1 300 TXT "v=spf1 ip4:192.0.3.16/28 -all"
    b2 300 TXT "v=spf1 ip4:192.0.3.32/28 -all"
    b3 300 TXT "v=spf1 ip4:192.0.3.48/28 -all"
    c 300 TXT "v=spf1 include:c1.prov.test include:c2.prov.test include:c3.prov.test -all"
    c1 300 TXT "v=spf1 ip4:192.0.4.16/28 -all"
    c2 300 TXT "v=spf1 ip4:192.0.4.32/28 -all"
    c3 300 TXT "v=spf1 ip4:192.0.4.48/28 -all"
    """

  @Test("an SPF record over 10 lookups is fixed with the flattened records, and the loop closes")
  func lookupLimitFlattened() async throws {
    let zone = try ZoneFile(text: Self.overLimit, path: "heavy")
    let provider = try ZoneFile(text: Self.providers, path: "prov")
    let options = AuditOptions(publicSuffixList: nil)
    let domain = Fixtures.name("heavy.test")
    let cache = CachingResolver(upstream: ZoneFileResolver(files: [zone, provider]))
    let before = await AuditRunner(cache: cache, options: options).audit(domain)
    #expect(before.snapshot.spf.tree.lookups == 12)
    #expect(before.findings.contains { $0.checkID == "spf.lookup-limit" && $0.fix == nil })
    let plan = await FixPlanner(cache: cache, options: options).plan(before)
    let spfSlot = FixSlot(owner: domain, type: .txt, kind: "v=spf1")
    let top = try #require(plan.changes.first { $0.slot == spfSlot })
    #expect(top.resolves.map(\.checkID).contains("spf.lookup-limit"))
    #expect(plan.bindSnippet.contains("; resolves spf.lookup-limit: "))
    for change in plan.changes where change.slot != spfSlot && change.slot.kind == "v=spf1" {
      #expect(change.partOf.map(\.checkID) == ["spf.lookup-limit"], "\(change.slot)")
    }
    #expect(!plan.noFix.contains { $0.checkID == "spf.lookup-limit" })
    let fixed = try ZoneFile(text: try Self.applied(plan.bindSnippet, to: zone), path: "heavy-fixed")
    let published = CachingResolver(upstream: ZoneFileResolver(files: [fixed, provider]))
    let after = await AuditRunner(cache: published, options: options).audit(domain)
    #expect(after.isComplete)
    #expect(!after.findings.contains { $0.checkID == "spf.lookup-limit" })
    #expect((after.snapshot.spf.tree.lookups ?? .max) <= 10)
    // Receivers decide as before: each provider network passes, an address outside them fails.
    let evaluator = SPFEvaluator(resolver: published)
    for (address, expected) in [
      ("192.0.2.17", SPFResultCode.pass), ("192.0.3.47", .pass), ("192.0.4.63", .pass), ("192.0.4.64", .fail),
      ("198.51.100.1", .fail),
    ] {
      let ip = try #require(IPAddress(address))
      let result = await evaluator.checkHost(SPFCheckRequest(ip: ip, sender: "a@heavy.test", helo: "mx.heavy.test"))
      #expect(result.code == expected, "\(address): \(result.reason)")
    }
  }

  @Test("what no fix can address is listed, not hidden: 11 exists terms cannot be flattened")
  func noAutomaticFix() async throws {
    // Two character-strings (a string holds 255 bytes); the space ends the first.
    let terms = (1...11).map { "exists:%{i}.e\($0).heavy.test" }
    let exists = terms[..<6].joined(separator: " ") + " \" \"" + terms[6...].joined(separator: " ")
    let zone = try ZoneFile(
      text: """
        $ORIGIN heavy.test.
        @ 300 SOA ns hostmaster 1 3600 600 86400 300
        @ 300 MX 0 .
        @ 300 TXT "v=spf1 \(exists) -all"
        _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@heavy.test"
        """, path: "exists")
    let options = AuditOptions(publicSuffixList: nil)
    let cache = CachingResolver(upstream: ZoneFileResolver(files: [zone]))
    let before = await AuditRunner(cache: cache, options: options).audit(Fixtures.name("heavy.test"))
    let plan = await FixPlanner(cache: cache, options: options).plan(before)
    #expect(plan.noFix.map(\.checkID).contains("spf.lookup-limit"))
    #expect(plan.bindSnippet.contains("; no automatic fix: error spf.lookup-limit: "))
    #expect(!plan.changes.contains { $0.resolves.contains { $0.checkID == "spf.lookup-limit" } })
  }
}
