import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneGenerate
import MailZoneTestSupport
import Testing

/// The flattener on the benchmark corpus: every domain whose tree needs more than 10 lookups
/// must flatten to at most 10, proven.
@Suite("SPFFlattener on the benchmark corpus")
struct SPFFlattenBenchTests {
  static let present = BenchCorpus.isAvailable || BenchCorpus.givenDirectory != nil

  @Test(
    "over-limit domains of a 1000-domain corpus flatten to 10 lookups or fewer, proven",
    .enabled(if: present, "needs ../shared/bench beside the checkout"), .timeLimit(.minutes(10)))
  func corpus() async throws {
    let directory = try BenchCorpus.directory()
    let resolver = CachingResolver(upstream: try BenchCorpus.resolver(directory))
    let domains = try BenchCorpus.domains(directory)
    var over = 0
    var failures: [String] = []
    var probes = 0
    var broken: [String] = []
    var checked = 0
    for domain in domains {
      let name = Fixtures.name(domain)
      let tree = await SPFLookupTree.build(domain: name, resolver: resolver)
      guard let lookups = tree.lookups, lookups > 10 else { continue }
      over += 1
      do {
        let (flattening, proof) = try await SPFFlattener(resolver: resolver).flattenAndProve(name, randomSamples: 32)
        probes += proof.tested
        if flattening.isPublishable(with: proof), FlattenFixtures.hasChecker {
          let (status, output) = try FlattenFixtures.nsdCheck(apex: domain, flattening.zoneRecords)
          if status != 0 { failures.append("\(domain): nsd-checkzone: \(output)") } else { checked += 1 }
        }
        if !flattening.isPublishable(with: proof) {
          let why =
            flattening.misfit
            ?? "\(proof.disagreements.count) disagreements, first \(proof.disagreements.first.map { "\($0.ip) \($0.original) vs \($0.flattened)" } ?? "none")"
          failures.append("\(domain): \(why)")
        }
      } catch let error as SPFFlattenError where error.code == .noRecord {
        // A malformed record is a permerror for every client: there is no meaning to keep.
        broken.append(domain)
      } catch {
        failures.append("\(domain): \(error)")
      }
    }
    print(
      "flatten bench: \(over) domains over 10 lookups, \(over - failures.count - broken.count) flattened and proven,"
        + " \(broken.count) with a malformed record \(broken), \(probes) probes, \(checked) pass nsd-checkzone")
    #expect(over > 0)
    for failure in failures { print("flatten bench failure: " + failure) }
    #expect(failures.isEmpty, "\(failures.count) of \(over) failed: \(failures.prefix(10))")
  }

}
