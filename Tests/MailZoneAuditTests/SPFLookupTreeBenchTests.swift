import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// The lookup tree against the benchmark's truth file: `../shared/bench/corpus.py` generates a
/// corpus (zones and `truth.json`, computed by its own static evaluator) and every SPF fact of
/// every domain must agree.
@Suite("SPF lookup tree: agreement with the benchmark's truth.json")
struct SPFLookupTreeBenchTests {
  static let present = BenchCorpus.isAvailable || BenchCorpus.givenDirectory != nil

  /// truth.json's `spf.errors` names, as tree problem codes (truth calls a too-deep chain a loop).
  static let errorNames: [String: String] = [
    "syntax": "malformed-record", "include_without_spf": "include-without-record",
    "redirect_without_spf": "redirect-without-record", "include_multiple_spf": "multiple-records",
    "redirect_multiple_spf": "multiple-records", "multiple_records": "multiple-records", "loop": "loop",
    "too_many_lookups": "too-many-lookups", "too_many_void_lookups": "too-many-void-lookups",
    "mx_too_many_hosts": "too-many-mx-names",
  ]

  /// 1000 domains by default; `MAILZONE_BENCH_DOMAINS` asks for another size (10000 takes minutes).
  static var size: Int { BenchCorpus.size }

  @Test(
    "every SPF fact of a generated corpus agrees with truth.json",
    .enabled(if: present, "needs ../shared/bench beside the checkout"), .timeLimit(.minutes(10)))
  func corpus() async throws {
    let directory = try BenchCorpus.directory()
    let resolver = CachingResolver(upstream: try BenchCorpus.resolver(directory))
    let domains = try BenchCorpus.truth(directory)
    try #require(BenchCorpus.givenDirectory != nil || domains.count == Self.size)
    var disagreements: [String] = []
    var compared = 0
    for (domain, facts) in domains.sorted(by: { $0.key < $1.key }) {
      let spf = try #require(facts["spf"] as? [String: Any])
      let tree = await SPFLookupTree.build(domain: Fixtures.name(domain), resolver: resolver)
      #expect(tree.isComplete, "\(domain): \(tree.problems.filter { $0.severity == .inconclusive }.map(\.message))")
      for (fact, ours, theirs) in Self.facts(tree, spf) where ours != theirs {
        disagreements.append("\(domain) \(fact): mailzone \(ours), truth \(theirs)")
      }
      compared += 1
    }
    #expect(compared == domains.count)
    #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, first: \(disagreements.prefix(10))")
  }

  /// (fact, mailzone's value, truth's value), both written the same way; absent is "null".
  static func facts(_ tree: SPFLookupTree, _ spf: [String: Any]) -> [(String, String, String)] {
    func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
    func number(_ key: String) -> String { number((spf[key] as? NSNumber)?.intValue) }
    func flag(_ value: Bool?) -> String { value.map { $0 ? "true" : "false" } ?? "null" }
    func string(_ value: String?) -> String { value.map { "'\($0)'" } ?? "null" }
    func list(_ value: [String]?) -> String { value.map { "[" + $0.joined(separator: ", ") + "]" } ?? "null" }
    let ourErrors = tree.errorCodes.subtracting([.noRecord]).map { $0 == .tooDeep ? "loop" : $0.rawValue }
    let truthErrors = ((spf["errors"] as? [String]) ?? []).map { errorNames[$0] ?? "unknown " + $0 }
    var out: [(String, String, String)] = [
      ("exists", flag(tree.exists), flag(spf["exists"] as? Bool)),
      ("records", number(tree.records), number("records")),
      ("lookups", number(tree.lookups), number("lookups")),
      ("void_lookups", number(tree.voidLookups), number("void_lookups")),
      ("void_lookups_ip_dependent", number(tree.voidLookupsIPDependent), number("void_lookups_ip_dependent")),
      ("all", string(tree.all), string(spf["all"] as? String)),
      ("includes", list(tree.includes), list(spf["includes"] as? [String])),
      ("valid", flag(tree.valid), flag(spf["valid"] as? Bool)),
      ("errors", list(Set(ourErrors).sorted()), list(Set(truthErrors).sorted())),
    ]
    if (spf["records"] as? NSNumber)?.intValue == 1 {
      out += [
        ("record", string(tree.record), string(spf["record"] as? String)),
        ("strings", number(tree.strings), number("strings")),
        ("length", number(tree.length), number("length")),
      ]
    }
    return out
  }
}
