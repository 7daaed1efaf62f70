import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// What `SPFSnapshot` exposes: AUDIT-JSON's `spf` facts, the tree's failures, and a tree built
/// through the run's shared cache.
@Suite("SPF snapshot: JSON facts, failures, shared cache")
struct SPFSnapshotTests {
  static let soa = "@ 300 SOA ns hostmaster 1 3600 600 86400 300"

  static let esp = """
    $ORIGIN esp.test.
    \(soa)
    spf 300 TXT "v=spf1 include:_nets.esp.test ~all"
    _nets 300 TXT "v=spf1 ip4:203.0.113.0/24 ~all"
    """

  static func resolver(_ zones: [String]) throws -> ZoneFileResolver {
    ZoneFileResolver(files: try zones.enumerated().map { try ZoneFile(text: $1, path: "zone \($0)") })
  }

  static func snapshot(_ domain: String, _ zones: [String]) async throws -> SPFSnapshot {
    let cache = CachingResolver(upstream: try resolver(zones))
    return await DomainSnapshot.collect(Fixtures.name(domain), context: CollectionContext(resolver: cache)).spf
  }

  @Test("every field of AUDIT-JSON's spf object, for a record counted by hand")
  func facts() async throws {
    // include (1, and 1 inside it) + a:gone (1, void) + exists with a macro (1, IP-dependent).
    let zone = """
      $ORIGIN acme.test.
      \(Self.soa)
      @ 300 TXT "v=spf1 include:spf.esp.test. a:gone.acme.test " "exists:%{i}.x.acme.test ~all"
      @ 300 TXT "site-verification=abc"
      """
    let spf = try await Self.snapshot("acme.test", [zone, Self.esp])
    #expect(spf.exists == true)
    #expect(spf.recordCount == 1)
    #expect(spf.record == "v=spf1 include:spf.esp.test. a:gone.acme.test exists:%{i}.x.acme.test ~all")
    #expect(spf.strings == 2)
    #expect(spf.length == 74)
    #expect(spf.lookups == 4)
    #expect(spf.voidLookups == 1)
    #expect(spf.voidLookupsIPDependent == 1)
    #expect(spf.all == "~all")
    #expect(spf.includes == ["spf.esp.test"])
    #expect(spf.valid == true)
    #expect(spf.failures.isEmpty)
  }

  @Test("no record: exists false, the counts null; several records: invalid")
  func absent() async throws {
    let none = try await Self.snapshot("acme.test", ["$ORIGIN acme.test.\n\(Self.soa)\n@ 300 TXT \"hello\""])
    #expect(none.exists == false && none.recordCount == 0 && none.record == nil && none.lookups == nil)
    #expect(none.valid == nil && none.all == nil && none.includes == nil)
    let two = try await Self.snapshot(
      "acme.test", ["$ORIGIN acme.test.\n\(Self.soa)\n@ 300 TXT \"v=spf1 -all\"\n@ 300 TXT \"v=spf1 a -all\""])
    #expect(two.exists == true && two.recordCount == 2 && two.record == nil && two.valid == false)
  }

  @Test("a failed query inside the tree is a failure of the domain's audit; an unknown name is not")
  func treeFailures() async throws {
    let zone = """
      $ORIGIN acme.test.
      \(Self.soa)
      @ 300 TXT "v=spf1 include:_spf.lame.test a:host.lame.test include:spf.nowhere.example -all"
      """
    let lame = "$ORIGIN lame.test.\n\(Self.soa)\n_spf 300 NS ns.elsewhere.invalid.\nhost 300 NS ns.elsewhere.invalid."
    let spf = try await Self.snapshot("acme.test", [zone, lame])
    let failures = Set(spf.failures)
    #expect(
      failures == [
        QueryFailure(name: Fixtures.name("_spf.lame.test"), type: .txt, status: .referral),
        QueryFailure(name: Fixtures.name("host.lame.test"), type: .a, status: .referral),
      ])
    #expect(spf.valid == nil, "the facts are incomplete, so validity is unknown")
  }

  @Test("a provider's subtree is asked once for every domain that includes it")
  func sharedCache() async throws {
    let domains = ["a.test", "b.test", "c.test"]
    let zones = domains.map { "$ORIGIN \($0).\n\(Self.soa)\n@ 300 TXT \"v=spf1 include:spf.esp.test -all\"" }
    let recorder = RecordingResolver(upstream: try Self.resolver(zones + [Self.esp]))
    let runner = AuditRunner(cache: CachingResolver(upstream: recorder), checks: [])
    var reports: [AuditReport] = []
    for domain in domains { reports.append(await runner.audit(Fixtures.name(domain))) }
    let asked = recorder.questions.filter { $0.split(separator: " ").first?.hasSuffix(".esp.test") == true }
    #expect(asked.count == 2, "spf and _nets, once each: \(asked)")
    #expect(reports.allSatisfy { $0.snapshot.spf.lookups == 2 })
    #expect(reports[1].queries < reports[0].queries)
  }
}
