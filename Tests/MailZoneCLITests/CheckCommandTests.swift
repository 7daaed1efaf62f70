import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone check` over the fixture repositories: located findings, exit codes, baseline,
/// suppression, determinism offline, and live lookups against NSD.
@Suite("mailzone check, end to end")
struct CheckCommandTests {
  @Test("broken zones: exactly the expected findings at file:line:column, exit 1")
  func broken() throws {
    let result = try CheckFixture.check(["--format", "json"], in: CheckFixture.broken)
    #expect(result.status == 1, "\(result.stderr)")
    let (active, hidden) = try CheckFixture.findings(result.stdout)
    let located = Set(active.compactMap(CheckFixture.located))
    #expect(located.count == active.count, "every finding is located")
    #expect(
      located == CheckFixture.expected,
      "extra: \(located.subtracting(CheckFixture.expected)), missing: \(CheckFixture.expected.subtracting(located))")
    #expect(hidden.isEmpty)
  }

  @Test("fixed zones: exit 0 and nothing at warning or above")
  func fixed() throws {
    let result = try CheckFixture.check(["--format", "json", "--fail-on", "warning"], in: CheckFixture.fixed)
    #expect(result.status == 0, "\(result.stdout)")
    let (active, _) = try CheckFixture.findings(result.stdout)
    #expect(active.allSatisfy { $0["severity"] as? String == "info" }, "\(active)")
  }

  @Test("a baseline of the broken set exits 0 until a new problem is added, even above old ones")
  func baseline() throws {
    let copy = try CheckFixture.copy(CheckFixture.broken)
    defer { try? FileManager.default.removeItem(atPath: copy) }
    let baseline = copy + "/mailzone.baseline"
    let written = try CheckFixture.check(["--write-baseline", baseline], in: copy)
    #expect(written.status == 0, "\(written.stderr)")
    let file = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: baseline))) as? [String: Any])
    #expect(file["schema"] as? String == "mailzone.baseline/1")
    #expect((file["findings"] as? [Any])?.count == CheckFixture.expected.count)

    let accepted = try CheckFixture.check(["--baseline", baseline], in: copy)
    #expect(accepted.status == 0, "\(accepted.stdout)")
    #expect(accepted.stdout.contains("\(CheckFixture.expected.count) in baseline"))

    // A new relative-name mistake inserted above every old finding: only it is new.
    try CheckFixture.insert("ftp      IN CNAME files.acme.test", before: 5, in: copy + "/zones/acme.test.zone")
    let again = try CheckFixture.check(["--baseline", baseline, "--format", "json"], in: copy)
    #expect(again.status == 1)
    let (active, hidden) = try CheckFixture.findings(again.stdout)
    #expect(
      active.compactMap(CheckFixture.located) == [.init("zone.relative-name-suspect", "zones/acme.test.zone", 5, 19)])
    #expect(hidden.count == CheckFixture.expected.count)
  }

  @Test("; mailzone-disable on the line or the line above, and mailzone-disable-file, suppress and are counted")
  func suppression() throws {
    let copy = try CheckFixture.copy(CheckFixture.broken)
    defer { try? FileManager.default.removeItem(atPath: copy) }
    let acme = copy + "/zones/acme.test.zone"
    try CheckFixture.insert("; mailzone-disable zone.cname-and-other-data", before: 12, in: acme)
    var text = try String(contentsOfFile: acme, encoding: .utf8)
    text = text.replacingOccurrences(of: "-all\"\n", with: "-all\" ; mailzone-disable spf.ptr\n")
    text += "; mailzone-disable-file zone.duplicate-record\n"
    try text.write(toFile: acme, atomically: true, encoding: .utf8)

    let result = try CheckFixture.check(["--format", "json"], in: copy)
    let (active, hidden) = try CheckFixture.findings(result.stdout)
    #expect(
      Set(hidden.compactMap { $0["id"] as? String }) == [
        "spf.ptr", "zone.cname-and-other-data", "zone.duplicate-record",
      ])
    #expect(active.count == CheckFixture.expected.count - 3)
    let summary = try CheckFixture.check([], in: copy)
    #expect(summary.stdout.contains("3 suppressed"))
    let sarif = try CheckFixture.check(["--format", "sarif"], in: copy)
    #expect(sarif.stdout.components(separatedBy: "\"inSource\"").count - 1 == 3)
  }

  @Test("--offline needs no network and prints the same report on every run")
  func offlineIsDeterministic() throws {
    for format in ["text", "json", "sarif", "github", "junit"] {
      let first = try CheckFixture.check(["--format", format], in: CheckFixture.broken)
      let second = try CheckFixture.check(["--format", format], in: CheckFixture.broken)
      #expect(first.stdout == second.stdout, "\(format)")
      #expect(first.status == 1)
    }
    let text = try CheckFixture.check([], in: CheckFixture.broken)
    #expect(text.stdout.contains("unknown (outside the zone files, --offline): "))
    #expect(text.stdout.contains("_spf.vendor.example TXT"))
  }

  @Test("live: names outside the files come from the nameserver; names inside from the files")
  func live() throws {
    let server = try NSDServer.shared()
    let dir = NSTemporaryDirectory() + "mailzone-check-live-\(getpid())"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // example.test is also served by NSD; the file's version (an SPF include of google.test) wins.
    try """
    $ORIGIN example.test.
    @ 300 SOA ns hostmaster 1 3600 600 86400 300
    @ 300 TXT "v=spf1 include:_spf.google.test include:_spf.google.test -all"
    """.write(toFile: dir + "/example.test.zone", atomically: true, encoding: .utf8)
    let live = try CLIRunner.run(
      ["check", "example.test.zone", "--nameserver", server.nameserver.description, "--format", "json"],
      workingDirectory: dir)
    // NSD refuses _dmarc.test (the DMARC tree walk asks it): a failed live lookup is exit 2.
    #expect(live.status == 2)
    let (active, _) = try CheckFixture.findings(live.stdout)
    let ids = Set(active.compactMap { $0["id"] as? String })
    #expect(ids.contains("spf.duplicate-include"), "\(ids)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(live.stdout.utf8)) as? [String: Any])
    #expect((json["unknown"] as? [String]) == [], "live lookups leave nothing unknown")
    let offline = try CLIRunner.run(["check", "example.test.zone", "--offline"], workingDirectory: dir)
    #expect(offline.stdout.contains("_spf.google.test TXT"))
    // --zone: a provider's zone answers (unchecked, unaudited) instead of live DNS.
    let provider = Fixtures.directory + "/zones/google.test.zone"
    let answered = try CLIRunner.run(
      ["check", "example.test.zone", "--zone", provider, "--format", "json"], workingDirectory: dir)
    let unknown = try #require(
      (try JSONSerialization.jsonObject(with: Data(answered.stdout.utf8)) as? [String: Any])?["unknown"] as? [String])
    #expect(!unknown.isEmpty && !unknown.contains { $0.contains("google.test") }, "\(unknown)")
    #expect(
      try CheckFixture.findings(answered.stdout).active.allSatisfy {
        ($0["location"] as? [String: Any])?["file"] as? String == "example.test.zone"
      })
  }

  @Test("usage and unreadable files: 64 and 65; a file with no apex is a located finding")
  func errors() throws {
    #expect(try CLIRunner.run(["check"]).status == 64)
    #expect(try CLIRunner.run(["check", "a.zone", "--offline", "--nameserver", "127.0.0.1"]).status == 64)
    let missing = try CLIRunner.run(["check", "/nonexistent/z.zone", "--offline"])
    #expect(missing.status == 65)
    #expect(missing.stdout.contains("/nonexistent/z.zone"))
    let dir = try CheckFixture.copy(CheckFixture.fixed)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try "www 300 A 192.0.2.1\n".write(toFile: dir + "/noapex.zone", atomically: true, encoding: .utf8)
    let noApex = try CLIRunner.run(["check", "noapex.zone", "--offline"], workingDirectory: dir)
    #expect(noApex.status == 1)
    #expect(noApex.stdout.contains("noapex.zone:1:1: error: zone.syntax:"), "\(noApex.stdout)")
    #expect(noApex.stdout.contains("incomplete: noapex.zone could not be loaded"))
  }

  @Test("mailzone explain knows the zone checks")
  func explain() throws {
    let result = try CLIRunner.run(["explain", "zone.ttl-zero"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("RFC 2181 §8"))
  }
}
