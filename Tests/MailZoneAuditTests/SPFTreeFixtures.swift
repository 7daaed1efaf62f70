import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport

/// The zones the lookup-tree tests read: every NSD fixture zone (spf.test and google.test hold the
/// SPF scenarios) plus the files under `Tests/Fixtures/spf` that NSD does not serve.
enum SPFTreeFixtures {
  static var spfZoneFiles: [String] {
    let folder = Fixtures.directory + "/spf"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".zone") }.sorted().map { folder + "/" + $0 }
  }

  /// Read once per test process: the zone files do not change while the tests run.
  private static let loaded = Result { try ZoneFileResolver(paths: Fixtures.zoneFiles + spfZoneFiles) }

  static func resolver() throws -> ZoneFileResolver { try loaded.get() }

  static func tree(
    _ domain: String, budget: SPFLookupTree.Budget = .standard, resolver: (any Resolver)? = nil
  ) async throws -> SPFLookupTree {
    let resolver = try resolver ?? self.resolver()
    return await SPFLookupTree.build(domain: Fixtures.name(domain), resolver: resolver, budget: budget)
  }
}

extension SPFLookupTree {
  /// Problem codes, in order, without repeats.
  var codes: [SPFTreeProblem.Code] {
    var seen: Set<SPFTreeProblem.Code> = []
    return problems.map(\.code).filter { seen.insert($0).inserted }
  }

  /// Codes of the problems at error level.
  var errorCodes: Set<SPFTreeProblem.Code> { Set(problems.filter { $0.severity == .error }.map(\.code)) }

  /// The first node for `domain`, in preorder.
  func node(_ domain: String) -> SPFTreeNode? {
    nodes.first { $0.domain == Fixtures.name(domain) }
  }
}
