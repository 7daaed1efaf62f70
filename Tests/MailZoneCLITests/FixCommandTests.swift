import Foundation
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// `mailzone fix` run as users run it.
@Suite("mailzone fix, end to end")
struct FixCommandTests {
  static let packageRoot = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let outreach = packageRoot.appendingPathComponent("Examples/outreach.example.zone").path

  /// Writes `text` to a temporary zone file for one test.
  func zone(_ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "mailzone-fix-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).zone"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  @Test("the outreach example: one snippet of zone lines, each change with its '; resolves' comments")
  func outreachSnippet() throws {
    let result = try CLIRunner.run(["fix", "--zone", Self.outreach, "outreach.example"])
    #expect(result.status == 0, "\(result.stderr)")
    let records = try ZoneFile(text: "$ORIGIN .\n" + result.stdout, path: "snippet", origin: .root).entries
    #expect(records.count == 4)
    for id in ["dmarc.policy-none", "dmarc.no-aggregate-reports", "dkim.testing-mode", "mx.cname", "spf.softfail-all"] {
      #expect(result.stdout.contains("; resolves \(id): "), "\(id)")
    }
    #expect(result.stdout.contains("outreach.example. 3600 IN MX 10 mx-cluster.outreach.example."))
    #expect(
      result.stdout.contains(
        "_dmarc.outreach.example. 3600 IN TXT \"v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@outreach.example\""))
  }

  @Test("three fixes to one SPF record (two host-bit terms and ~all) become one record; other TXT stay untouched")
  func conflictingFixes() throws {
    let path = try zone(
      """
      $ORIGIN conflict.test.
      @ 300 SOA ns hostmaster 1 3600 600 86400 300
      @ 300 MX 10 mx
      mx 300 A 192.0.2.25
      @ 300 TXT "v=spf1 ip4:192.0.2.1/24 ip4:198.51.100.7/16 ~all"
      @ 300 TXT "google-site-verification=abc"
      _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@conflict.test"
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try CLIRunner.run(["fix", "--zone", path, "--format", "json", "conflict.test"])
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["schema"] as? String == "mailzone.fix/1")
    #expect(json["domain"] as? String == "conflict.test")
    #expect(json["complete"] as? Bool == true)
    let changes = try #require(json["changes"] as? [[String: Any]])
    try #require(changes.count == 1)
    let record = try #require(changes[0]["record"] as? [String: Any])
    #expect(record["name"] as? String == "conflict.test")
    #expect(record["type"] as? String == "TXT")
    #expect(record["value"] as? String == "v=spf1 ip4:192.0.2.0/24 ip4:198.51.0.0/16 -all")
    let resolves = try #require(changes[0]["resolves"] as? [[String: Any]])
    #expect(
      resolves.compactMap { $0["check_id"] as? String } == ["spf.ip-host-bits", "spf.ip-host-bits", "spf.softfail-all"])
    #expect((json["still_open"] as? [Any])?.isEmpty == true)
  }

  @Test("nothing to change: a comment saying so, the warning no fix can address listed, exit 0")
  func nothingToFix() throws {
    let path = try zone(
      """
      $ORIGIN quiet.test.
      @ 300 SOA ns hostmaster 1 3600 600 86400 300
      @ 300 MX 0 .
      @ 300 TXT "v=spf1 -all"
      _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc-reports@quiet.test"
      """)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try CLIRunner.run(["fix", "--zone", path, "quiet.test"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout == """
        ; quiet.test: no change to suggest

        ; no automatic fix: warning dmarc.report-destination-undeliverable: quiet.test publishes a null MX (0 .), \
        so reports to mailto:dmarc-reports@quiet.test cannot be delivered

        """)
  }

  @Test("a domain that does not exist makes the audit incomplete: exit 2")
  func incomplete() throws {
    let result = try CLIRunner.run(["fix", "--zone", Self.outreach, "missing.outreach.example"])
    #expect(result.status == 2)
    #expect(result.stdout.contains("incomplete"))
  }

  @Test("usage errors exit 64, an unreadable zone exits 65")
  func failures() throws {
    #expect(try CLIRunner.run(["fix"]).status == 64)
    #expect(try CLIRunner.run(["fix", "--zone", Self.outreach, "bad..name"]).status == 64)
    #expect(try CLIRunner.run(["fix", "--zone", Self.outreach, "--format", "sarif", "outreach.example"]).status == 64)
    #expect(try CLIRunner.run(["fix", "--zone", "/nonexistent/zone", "outreach.example"]).status == 65)
  }
}
