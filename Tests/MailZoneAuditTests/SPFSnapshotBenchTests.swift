import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// The audit's SPF facts against the benchmark's truth.json, through `DomainSnapshot` as the
/// JSON reporter reads them, plus how many domains each SPF check flags; counts that follow from
/// truth's facts by definition must match them.
@Suite("SPF snapshot and checks on the benchmark corpus")
struct SPFSnapshotBenchTests {
  static let present = BenchCorpus.isAvailable || BenchCorpus.givenDirectory != nil

  @Test(
    "snapshot facts agree with truth.json on every domain; finding counts follow truth's facts",
    .enabled(if: present, "needs ../shared/bench beside the checkout"), .timeLimit(.minutes(10)))
  func corpus() async throws {
    // A corpus given in MAILZONE_BENCH_CORPUS is used as is; otherwise the one generated for this run.
    let directory = try BenchCorpus.directory()
    let truth = try BenchCorpus.truth(directory)
    let resolver = try BenchCorpus.resolver(directory)
    let runner = AuditRunner(cache: CachingResolver(upstream: resolver))
    var disagreements: [String] = []
    var flagged: [String: Set<String>] = [:]
    var severities: [String: [Severity: Set<String>]] = [:]
    for (domain, facts) in truth.sorted(by: { $0.key < $1.key }) {
      let spf = try #require(facts["spf"] as? [String: Any])
      let report = await runner.audit(Fixtures.name(domain))
      #expect(report.snapshot.spf.failures.isEmpty, "\(domain): \(report.snapshot.spf.failures)")
      for (fact, ours, theirs) in Self.facts(report.snapshot.spf, spf) where ours != theirs {
        disagreements.append("\(domain) \(fact): mailzone \(ours), truth \(theirs)")
      }
      for finding in report.findings where finding.checkID.hasPrefix("spf.") {
        flagged[finding.checkID, default: []].insert(domain)
        severities[finding.checkID, default: [:]][finding.severity, default: []].insert(domain)
      }
    }
    #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(disagreements.prefix(10))")
    print(Self.table(flagged, severities, domains: truth.count))
    for (id, expected) in Self.expectedFlags(truth) {
      #expect(flagged[id, default: []] == expected, "\(id): \(flagged[id, default: []].symmetricDifference(expected))")
    }
  }

  /// The snapshot's AUDIT-JSON facts beside truth's, written the same way; absent is "null".
  static func facts(_ spf: SPFSnapshot, _ truth: [String: Any]) -> [(String, String, String)] {
    func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
    func number(_ key: String) -> String { number((truth[key] as? NSNumber)?.intValue) }
    func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "null" }
    func string(_ value: String?) -> String { value.map { "'\($0)'" } ?? "null" }
    func list(_ value: [String]?) -> String { value.map { "[" + $0.joined(separator: ", ") + "]" } ?? "null" }
    var out: [(String, String, String)] = [
      ("exists", flag(spf.exists), flag(truth["exists"] as? Bool)),
      ("records", number(spf.recordCount), number("records")),
      ("lookups", number(spf.lookups), number("lookups")),
      ("void_lookups", number(spf.voidLookups), number("void_lookups")),
      ("void_lookups_ip_dependent", number(spf.voidLookupsIPDependent), number("void_lookups_ip_dependent")),
      ("all", string(spf.all), string(truth["all"] as? String)),
      ("includes", list(spf.includes), list(truth["includes"] as? [String])),
      ("valid", flag(spf.valid), flag(truth["valid"] as? Bool)),
    ]
    if (truth["records"] as? NSNumber)?.intValue == 1 {
      out += [
        ("record", string(spf.record), string(truth["record"] as? String)),
        ("strings", number(spf.strings), number("strings")),
        ("length", number(spf.length), number("length")),
      ]
    }
    return out
  }

  /// For the checks whose verdict is one of truth's facts: the domains truth says they must flag.
  static func expectedFlags(_ truth: [String: [String: Any]]) -> [String: Set<String>] {
    func domains(_ test: ([String: Any]) -> Bool) -> Set<String> {
      Set(truth.compactMap { domain, facts in (facts["spf"] as? [String: Any]).flatMap { test($0) ? domain : nil } })
    }
    func lookups(_ spf: [String: Any], _ key: String) -> Int? { (spf[key] as? NSNumber)?.intValue }
    func error(_ names: String...) -> ([String: Any]) -> Bool {
      { spf in !Set((spf["errors"] as? [String]) ?? []).isDisjoint(with: names) }
    }
    return [
      "spf.missing": domains { ($0["exists"] as? Bool) == false },
      "spf.lookup-limit": domains { (lookups($0, "lookups") ?? 0) > 10 },
      "spf.lookup-near-limit": domains { (9...10).contains(lookups($0, "lookups") ?? 0) },
      "spf.void-lookup-limit": domains { (lookups($0, "void_lookups") ?? 0) > 2 },
      "spf.void-lookups": domains { (1...2).contains(lookups($0, "void_lookups") ?? 0) },
      "spf.syntax-error": domains(error("syntax")),
      "spf.include-loop": domains(error("loop")),
      "spf.multiple-records": domains(error("multiple_records", "include_multiple_spf", "redirect_multiple_spf")),
      "spf.include-missing-record": domains(error("include_without_spf")),
      "spf.redirect-missing-record": domains(error("redirect_without_spf")),
      "spf.mx-too-many-names": domains(error("mx_too_many_hosts")),
    ]
  }

  static func table(
    _ flagged: [String: Set<String>], _ severities: [String: [Severity: Set<String>]], domains: Int
  ) -> String {
    let rows = CheckRegistry.all.map { type(of: $0).description }.filter { $0.family == .spf }.map { description in
      let split = Severity.allCases.reversed().compactMap { severity in
        severities[description.id]?[severity].map { "\(severity.rawValue) \($0.count)" }
      }
      let detail = split.count > 1 ? " (" + split.joined(separator: ", ") + ")" : ""
      return
        "| `\(description.id)` | \(description.severity.rawValue) | \(flagged[description.id]?.count ?? 0)\(detail) |"
    }
    return
      (["SPF findings on \(domains) corpus domains:", "| check | severity | domains |", "| --- | --- | --- |"]
      + rows).joined(separator: "\n")
  }
}
