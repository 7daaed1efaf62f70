import Foundation
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

  /// Runs `nsd-checkzone` on `records` in a zone of their own at `apex`: (exit status, output).
  static func nsdCheck(apex: String, _ records: [ZoneRecord]) throws -> (Int32, String) {
    let text =
      "$ORIGIN \(apex).\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n"
      + records.map(\.bindLine).joined(separator: "\n") + "\n"
    let path = NSTemporaryDirectory() + "mailzone-flatten-\(getpid())-\(apex).zone"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: checker)
    process.arguments = [apex, path]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  static let checker = "/usr/sbin/nsd-checkzone"
  static var hasChecker: Bool { FileManager.default.isExecutableFile(atPath: checker) }
}
