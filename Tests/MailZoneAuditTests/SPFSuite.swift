import Foundation
import MailZoneTestSupport
import Yams

/// One openspf SPF test suite, read from the pyspf 2.0.14 sdist (never committed: BSD-licensed
/// third-party material that `make conformance` and `make test` download into `.cache/pyspf`).
///
/// Where it is read from, first match wins:
/// - `$MAILZONE_SPF_SUITE`: the sdist (`pyspf-2.0.14.tar.gz`), a folder holding the suite files
///   (`rfc7208-tests.yml`, `rfc4408-tests.yml`, e.g. the sdist's extracted `test/`) or the sdist,
///   or one suite file (its folder is used);
/// - `<package root>/.cache/pyspf`, where `scripts/fetch-spf-suite.sh` puts the sdist.
///
/// Each suite file is pinned by its sha256, so the counts always refer to the same tests.
struct SPFSuite: Sendable {
  enum Name: String, Sendable, CaseIterable, CustomStringConvertible {
    case rfc7208, rfc4408

    var file: String { "\(rawValue)-tests.yml" }
    var description: String { rawValue }

    /// What the pinned file holds.
    var scenarioCount: Int { self == .rfc7208 ? 16 : 15 }
    var testCount: Int { self == .rfc7208 ? 203 : 191 }

    /// Digests of the files in pyspf-2.0.14.tar.gz (sha256 57a7ef01…c347186).
    var sha256: String {
      switch self {
      case .rfc7208: "901f561a6e2b1c1590a40a61b1ac7601226fd7045a7aae591a4d25421358d6f9"
      case .rfc4408: "82b7d1840745d1249f1fe7055be7e1b536ed38eeaeac40c481d7f1825da4415c"
      }
    }
  }

  /// One test of a scenario, with the keys `spf_suite.py` reads.
  struct Test: Sendable {
    var id: String
    var spec: String
    var host: String
    var mailFrom: String
    var helo: String
    /// Accepted results, the preferred one first.
    var results: [String]
    /// nil: not checked; `DEFAULT`: the checker's default (no `exp=` text); else the exact text.
    var explanation: String?
  }

  struct Scenario: Sendable {
    /// Position of the YAML document in the file, as `spf_suite.py` numbers scenarios.
    var index: Int
    var description: String
    var zonedata: [(owner: String, entries: [SuiteZoneEntry])]
    var tests: [Test]
  }

  static let sdistName = "pyspf-2.0.14.tar.gz"
  static let sdistMember = "pyspf-2.0.14/test/"
  static let environmentKey = "MAILZONE_SPF_SUITE"

  var name: Name
  /// Where the YAML came from, for the report.
  var source: String
  var scenarios: [Scenario]

  var testCount: Int { scenarios.reduce(0) { $0 + $1.tests.count } }
}

/// Why a suite could not be read; the message says how to get it.
struct SPFSuiteError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

extension SPFSuite {
  /// `Tests/MailZoneAuditTests/SPFSuite.swift` → the package root.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The configured location (`$MAILZONE_SPF_SUITE`, else `.cache/pyspf`).
  static var location: String {
    ProcessInfo.processInfo.environment[environmentKey].flatMap { $0.isEmpty ? nil : $0 }
      ?? packageRoot + "/.cache/pyspf"
  }

  /// True when CI or the developer demands the suite: then a missing suite fails instead of skipping.
  static var isRequired: Bool {
    let environment = ProcessInfo.processInfo.environment
    return environment["CI"] == "true" || environment["MAILZONE_REQUIRE_CONFORMANCE"] == "1"
  }

  /// True when `location` holds something the suite can be read from (checked cheaply, unread).
  static var isPresent: Bool {
    (try? source(for: .rfc7208)) != nil
  }

  static let howToGet =
    "run `make spf-suite` (or `scripts/fetch-spf-suite.sh`) to download pyspf 2.0.14 into .cache/pyspf, "
    + "or set \(environmentKey) to the sdist or to a folder holding \(Name.rfc7208.file)"

  /// Where `name` would be read: a YAML file, or the sdist (then `isArchive`).
  static func source(for name: Name) throws(SPFSuiteError) -> (path: String, isArchive: Bool) {
    var folder = location
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
      throw SPFSuiteError("\(folder) does not exist: \(howToGet)")
    }
    if !isDirectory.boolValue {
      if folder.hasSuffix(".tar.gz") || folder.hasSuffix(".tgz") { return (folder, true) }
      folder = (folder as NSString).deletingLastPathComponent
    }
    let file = folder + "/" + name.file
    if FileManager.default.fileExists(atPath: file) { return (file, false) }
    let sdist = folder + "/" + sdistName
    if FileManager.default.fileExists(atPath: sdist) { return (sdist, true) }
    throw SPFSuiteError("neither \(name.file) nor \(sdistName) is in \(folder): \(howToGet)")
  }

  /// Reads, verifies and parses one suite.
  static func load(_ name: Name) throws -> SPFSuite {
    let (path, isArchive) = try source(for: name)
    let bytes = isArchive ? try extract(sdistMember + name.file, from: path) : try readFile(path)
    let digest = SHA256Digest.hex(bytes)
    guard digest == name.sha256 else {
      throw SPFSuiteError(
        "\(name.file) from \(path) has sha256 \(digest), not the pinned \(name.sha256) of pyspf 2.0.14: "
          + "delete it and \(howToGet)")
    }
    let source = isArchive ? "\(path):\(name.file)" : path
    return SPFSuite(name: name, source: source, scenarios: try parse(String(decoding: bytes, as: UTF8.self)))
  }

  private static func readFile(_ path: String) throws(SPFSuiteError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw SPFSuiteError("cannot read \(path)") }
    return Array(data)
  }

  /// One member of the sdist, through `tar` (Foundation has no gzip reader on Linux).
  private static func extract(_ member: String, from archive: String) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["tar", "-xzOf", archive, member]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw SPFSuiteError(
        "tar could not read \(member) from \(archive): \(String(decoding: message, as: UTF8.self))")
    }
    return Array(data)
  }
}
