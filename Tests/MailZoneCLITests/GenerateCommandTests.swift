import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone generate` and `mailzone init`, run as users run them.
@Suite("mailzone generate and init, end to end")
struct GenerateCommandTests {
  static let packageRoot = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let configs = Fixtures.directory + "/generate"

  func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("mailzone-generate-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func golden(_ name: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: Self.configs + "/" + name)), as: UTF8.self)
  }

  @Test("each flavour prints the golden output, with the templates found from the build folder")
  func flavours() throws {
    let cases = [("bind", "full.zone"), ("json", "full.json"), ("octodns", "full.octodns.yaml")]
    for (format, file) in cases {
      let result = try CLIRunner.run(
        ["generate", "--config", Self.configs + "/full.yml", "--format", format],
        environment: ["MAILZONE_TEMPLATES": ""])
      #expect(result.status == 0, "\(result.stderr)")
      #expect(result.stdout == (try golden(file)), "\(format)")
    }
  }

  @Test("closed loop through the CLI: generate, load with `audit --zone`, no finding at warning or above")
  func auditGenerated() throws {
    let generated = try CLIRunner.run(["generate", "--config", Self.configs + "/own-servers.yml"])
    #expect(generated.status == 0, "\(generated.stderr)")
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    // The generated records plus what any zone has anyway: SOA, NS, and addresses for its own MX hosts.
    let header = [
      "$ORIGIN example.org.", "@ 300 SOA ns hostmaster 1 3600 600 86400 300", "@ 300 NS ns", "ns 300 A 203.0.113.53",
      "mx1 300 A 203.0.113.25", "mx2 300 A 203.0.113.26",
    ]
    let zone = folder.appendingPathComponent("example.org.zone").path
    try Data((header.joined(separator: "\n") + "\n" + generated.stdout).utf8).write(to: URL(fileURLWithPath: zone))
    let audit = try CLIRunner.run([
      "audit", "--zone", zone, "--selector", "mail2026", "--fail-on", "warning", "--format", "json", "example.org",
    ])
    #expect(audit.status == 0, "\(audit.stdout)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(audit.stdout.utf8)) as? [String: Any])
    let findings = try #require(json["findings"] as? [[String: Any]])
    #expect(findings.allSatisfy { ($0["severity"] as? String) == "info" }, "\(findings)")
  }

  @Test("--stage publishes that stage of the DMARC rollout; one that does not exist is a usage error")
  func stages() throws {
    let config = Self.configs + "/full.yml"
    let last = try CLIRunner.run(["generate", "--config", config, "--stage", "3"])
    #expect(last.status == 0)
    #expect(last.stdout.contains("_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=reject;"))
    #expect(last.stdout.contains("default._bimi.example.com. 3600 IN TXT \"v=BIMI1;"))
    let first = try CLIRunner.run(["generate", "--config", config, "--stage", "1"])
    #expect(first.stdout.contains("_dmarc.example.com. 3600 IN TXT \"v=DMARC1; p=none;"))
    #expect(!first.stdout.contains("\ndefault._bimi.example.com."))
    let missing = try CLIRunner.run(["generate", "--config", config, "--stage", "4"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("--stage 4"))
  }

  @Test("a malformed config exits 65 naming file, line and key")
  func malformed() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("bad.yml").path
    try Data("domain: example.com\ndmarc:\n  policy: block\n  rua: [mailto:d@example.com]\n".utf8).write(
      to: URL(fileURLWithPath: path))
    let result = try CLIRunner.run(["generate", "--config", path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):3: dmarc.policy: expected one of none, quarantine, reject, not block"))
    #expect(result.stdout.isEmpty)
    let unreadable = try CLIRunner.run(["generate", "--config", folder.appendingPathComponent("none.yml").path])
    #expect(unreadable.status == 65)
    #expect(unreadable.stderr.contains("cannot read the file"))
  }

  @Test("--templates naming an incomplete folder exits 65 naming the missing template")
  func incompleteTemplates() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try CLIRunner.run(["generate", "--config", Self.configs + "/full.yml", "--templates", folder.path])
    #expect(result.status == 65)
    #expect(result.stderr.contains("template layout/zone.mustache is missing from \(folder.path)"))
  }

  @Test("--templates uses another set: a changed layout shows in the output")
  func customTemplates() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let copy = folder.appendingPathComponent("Templates")
    try FileManager.default.copyItem(at: Self.packageRoot.appendingPathComponent("Templates"), to: copy)
    let layout = copy.appendingPathComponent("layout/zone.mustache")
    let original = String(decoding: try Data(contentsOf: layout), as: UTF8.self)
    try Data(("; ACME DNS team: review before publishing\n" + original).utf8).write(to: layout)
    let result = try CLIRunner.run([
      "generate", "--config", Self.configs + "/own-servers.yml", "--templates", copy.path,
    ])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("; ACME DNS team: review before publishing\n; mailzone generate:"))
  }

  /// Runs a copy of the binary, as an installed one runs, with `MAILZONE_TEMPLATES` unset.
  func runInstalled(_ binary: URL, _ arguments: [String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    environment["MAILZONE_TEMPLATES"] = nil
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let data = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test("an installed binary without its templates says so and exits 65; with share/mailzone/Templates it runs")
  func installed() throws {
    let prefix = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: prefix) }
    let bin = prefix.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
    let binary = bin.appendingPathComponent("mailzone")
    try FileManager.default.copyItem(at: URL(fileURLWithPath: try CLIRunner.binary()), to: binary)
    let config = Self.configs + "/full.yml"
    let (status, stderr) = try runInstalled(binary, ["generate", "--config", config])
    #expect(status == 65)
    #expect(stderr.contains("the templates are not installed"))
    #expect(stderr.contains(prefix.appendingPathComponent("share/mailzone/Templates").path))
    let share = prefix.appendingPathComponent("share/mailzone")
    try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: Self.packageRoot.appendingPathComponent("Templates"), to: share.appendingPathComponent("Templates"))
    let (installedStatus, installedErrors) = try runInstalled(binary, ["generate", "--config", config])
    #expect(installedStatus == 0, "\(installedErrors)")
  }

  @Test("init writes a starter config generate accepts, and refuses to overwrite without --force")
  func initialize() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("mailzone.yml").path
    let first = try CLIRunner.run(["init", "--config", path, "--domain", "example.net"])
    #expect(first.status == 0, "\(first.stderr)")
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(text.contains("domain: example.net"))
    #expect(text.contains("# The policy to reach: none, quarantine or reject."))
    let generated = try CLIRunner.run(["generate", "--config", path])
    #expect(generated.status == 0, "\(generated.stderr)")
    #expect(generated.stdout.contains("example.net. 3600 IN TXT \"v=spf1 include:_spf.google.com -all\""))
    try Data("domain: example.org\n".utf8).write(to: URL(fileURLWithPath: path))
    let again = try CLIRunner.run(["init", "--config", path])
    #expect(again.status == 64)
    #expect(again.stderr.contains("exists; pass --force"))
    #expect(
      String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self) == "domain: example.org\n")
    let forced = try CLIRunner.run(["init", "--config", path, "--force"])
    #expect(forced.status == 0)
    let bad = try CLIRunner.run(["init", "--config", folder.appendingPathComponent("x.yml").path, "--domain", "-"])
    #expect(bad.status == 64)
  }
}
