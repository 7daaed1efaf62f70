public import Foundation
public import MailZoneDNS

/// The benchmark corpus of `../shared/bench`: found, generated once per test process, and loaded.
public enum BenchCorpus {
  /// `../shared/bench` beside the checkout, or `$MAILZONE_SHARED/bench`.
  public static let benchDirectory: URL = {
    let root = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent().deletingLastPathComponent()
    let shared =
      ProcessInfo.processInfo.environment["MAILZONE_SHARED"].map { URL(fileURLWithPath: $0) }
      ?? root.deletingLastPathComponent().appendingPathComponent("shared")
    return shared.appendingPathComponent("bench")
  }()

  /// Whether `corpus.py` is there to generate a corpus.
  public static let isAvailable = FileManager.default.fileExists(
    atPath: benchDirectory.appendingPathComponent("corpus.py").path)

  /// A corpus named by `MAILZONE_BENCH_CORPUS`, if any.
  public static var givenDirectory: String? { ProcessInfo.processInfo.environment["MAILZONE_BENCH_CORPUS"] }

  /// Domains in the generated corpus: 1000, or `MAILZONE_BENCH_DOMAINS`.
  public static let size = ProcessInfo.processInfo.environment["MAILZONE_BENCH_DOMAINS"].flatMap { Int($0) } ?? 1000

  /// The corpus to use: the given one, else one generated (seed 1) the first time it is asked for
  /// in this process, and removed at exit.
  public static func directory() throws(NSDError) -> String {
    if let givenDirectory { return givenDirectory }
    return try generated.get()
  }

  private static let generated: Result<String, NSDError> = Result { () throws(NSDError) in
    let folder = NSTemporaryDirectory() + "mailzone-bench-corpus-\(getpid())"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", benchDirectory.appendingPathComponent("corpus.py").path, "--domains", String(size), "--seed", "1",
      "--out", folder,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { throw NSDError("cannot run corpus.py: \(error)") }
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw NSDError("corpus.py failed (exit \(process.terminationStatus))") }
    CorpusCleanup.removeAtExit(folder)
    return folder
  }

  /// truth.json's `domains` object.
  public static func truth(_ directory: String) throws -> [String: [String: Any]] {
    let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/truth.json"))
    guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
      let domains = root["domains"] as? [String: [String: Any]]
    else { throw NSDError("\(directory)/truth.json has no domains object") }
    return domains
  }

  /// The corpus's zone files, as `zones.txt` lists them.
  public static func zonePaths(_ directory: String) throws -> [String] {
    let listing = try String(contentsOfFile: directory + "/zones.txt", encoding: .utf8)
    return listing.split(separator: "\n").compactMap { line in
      line.split(separator: " ").last.map { directory + "/zones/" + $0 }
    }
  }

  public static func resolver(_ directory: String) throws -> ZoneFileResolver {
    try ZoneFileResolver(paths: zonePaths(directory))
  }

  /// The corpus's domains in file order.
  public static func domains(_ directory: String) throws -> [String] {
    try String(contentsOfFile: directory + "/domains.txt", encoding: .utf8).split(separator: "\n").map(String.init)
  }
}

private enum CorpusCleanup {
  nonisolated(unsafe) static var folders: [String] = []

  static func removeAtExit(_ folder: String) {
    if folders.isEmpty {
      atexit {
        for folder in CorpusCleanup.folders { try? FileManager.default.removeItem(atPath: folder) }
      }
    }
    folders.append(folder)
  }
}
