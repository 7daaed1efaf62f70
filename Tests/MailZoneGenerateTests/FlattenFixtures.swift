import MailZoneDNS
import MailZoneGenerate
import MailZoneTestSupport

/// The zones under `Tests/Fixtures/flatten`, and a flattening helper over them.
enum FlattenFixtures {
  static var paths: [String] {
    ["flat.test", "provider.test", "big.test"].map { Fixtures.directory + "/flatten/\($0).zone" }
  }

  static func resolver() throws -> CachingResolver {
    CachingResolver(upstream: try ZoneFileResolver(paths: paths))
  }

  static func flatten(
    _ domain: String, _ configure: (inout SPFFlattener.Options) -> Void = { _ in }
  ) async throws -> (SPFFlattening, SPFEquivalenceProof, CachingResolver) {
    let resolver = try resolver()
    var options = SPFFlattener.Options()
    configure(&options)
    let flattening = try await SPFFlattener(resolver: resolver, options: options).flatten(Fixtures.name(domain))
    let proof = await SPFEquivalenceProof.run(flattening, resolver: resolver)
    return (flattening, proof, resolver)
  }

  /// The published records' text, top first.
  static func texts(_ flattening: SPFFlattening) -> [String] { flattening.zoneRecords.map(\.value) }
}
