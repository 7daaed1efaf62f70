import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone audit`, `explain` and `checks` run as users run them.
@Suite("mailzone audit, end to end")
struct AuditCommandTests {
  static let packageRoot = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let example = packageRoot.appendingPathComponent("Examples/example.com.zone").path

  func object(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test("JSON follows the mailzone.audit/1 contract: every key of AUDIT-JSON.md, null when absent")
  func jsonContract() throws {
    let result = try CLIRunner.run(["audit", "--zone", Self.example, "--format", "json", "example.com"])
    let json = try object(result.stdout)
    let top: Set<String> = [
      "schema", "domain", "status", "spf", "dmarc", "dkim", "mx", "mta_sts", "tls_rpt", "bimi", "findings",
      "queries", "elapsed_ms",
    ]
    #expect(Set(json.keys).isSuperset(of: top))
    #expect(json["schema"] as? String == "mailzone.audit/1")
    #expect(json["domain"] as? String == "example.com")
    let spf = try #require(json["spf"] as? [String: Any])
    #expect(
      Set(spf.keys).isSuperset(of: [
        "exists", "records", "record", "strings", "length", "lookups", "void_lookups", "void_lookups_ip_dependent",
        "all", "includes", "valid",
      ]))
    let dmarc = try #require(json["dmarc"] as? [String: Any])
    #expect(
      Set(dmarc.keys).isSuperset(of: [
        "exists", "records", "record", "location", "via_cname", "p", "sp", "np", "effective_p", "pct", "adkim", "aspf",
        "rua", "ruf", "external", "org_domain_tree_walk", "org_domain_psl", "valid",
      ]))
    let mx = try #require(json["mx"] as? [String: Any])
    #expect(Set(mx.keys).isSuperset(of: ["null_mx", "implicit", "hosts"]))
    let host = try #require((mx["hosts"] as? [[String: Any]])?.first)
    #expect(Set(host.keys).isSuperset(of: ["host", "preference", "cname", "exists", "addresses", "ptr_ok"]))
    #expect(host["host"] as? String == "mx1.example.com", "names without the final dot")
    for key in ["mta_sts", "tls_rpt", "bimi"] {
      #expect(Set((json[key] as? [String: Any] ?? [:]).keys) == ["record", "valid"])
    }
  }

  @Test("NDJSON: one line per domain; several domains in JSON make an array")
  func streaming() throws {
    let zone = NSTemporaryDirectory() + "mailzone-audit-two-\(getpid()).zone"
    try """
    $ORIGIN two.test.
    @ 300 SOA ns hostmaster 1 3600 600 86400 300
    a 300 TXT "v=spf1 -all"
    b 300 TXT "v=spf1 -all"
    """.write(toFile: zone, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: zone) }
    let ndjson = try CLIRunner.run(["audit", "--zone", zone, "--format", "ndjson", "a.two.test", "b.two.test"])
    let lines = ndjson.stdout.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(try Set(lines.map { try object(String($0))["domain"] as? String }) == ["a.two.test", "b.two.test"])
    let array = try JSONSerialization.jsonObject(
      with: Data(CLIRunner.run(["audit", "--zone", zone, "--format", "json", "a.two.test", "b.two.test"]).stdout.utf8))
    #expect((array as? [Any])?.count == 2)
  }

  @Test("SARIF 2.1.0 carries version, $schema, tool.driver with rules, and results with ruleId, level, message")
  func sarif() throws {
    let silent = try SilentServer()
    let result = try CLIRunner.run(
      [
        "audit", "--nameserver", silent.nameserver.description, "--timeout", "0.2", "--retries", "1", "--format",
        "sarif", "--no-discovery", "example.test",
      ])
    let json = try object(result.stdout)
    #expect(json["version"] as? String == "2.1.0")
    #expect((json["$schema"] as? String)?.contains("sarif-2.1.0") == true)
    let run = try #require((json["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "mailzone")
    let rules = try #require(driver["rules"] as? [[String: Any]])
    #expect(rules.contains { $0["id"] as? String == "dns.query-failed" })
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(!results.isEmpty)
    for result in results {
      #expect(result["ruleId"] is String)
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
      #expect((result["message"] as? [String: Any])?["text"] is String)
    }
  }

  @Test("exit codes: 0 clean, 2 incomplete (timeouts), 64 usage, 65 unreadable domain list")
  func exitCodes() throws {
    #expect(try CLIRunner.run(["audit", "--zone", Self.example, "example.com"]).status == 0)
    let silent = try SilentServer()
    let timeout = try CLIRunner.run(
      [
        "audit", "--nameserver", silent.nameserver.description, "--timeout", "0.2", "--retries", "1",
        "--no-discovery", "example.test",
      ])
    #expect(timeout.status == 2)
    #expect(timeout.stdout.contains("incomplete"))
    #expect(try CLIRunner.run(["audit"]).status == 64)
    #expect(try CLIRunner.run(["audit", "--fail-on", "sometimes", "example.com"]).status == 64)
    let missing = try CLIRunner.run(["audit", "--domains-file", "/nonexistent/list.txt"])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("/nonexistent/list.txt"))
  }

  @Test("NXDOMAIN, SERVFAIL and names the server does not serve: findings and exit 2, never a crash")
  func unknownDomains() throws {
    let server = try NSDServer.shared()
    let ns = server.nameserver.description
    let cases: [(String, String)] = [
      ("missing.example.test", "domain.nonexistent"), ("broken.test", "dns.query-failed"),
      ("example.org", "dns.query-failed"),
    ]
    for (domain, check) in cases {
      let result = try CLIRunner.run(["audit", "--nameserver", ns, "--format", "json", "--no-discovery", domain])
      #expect(result.status == 2, "\(domain)")
      let json = try object(result.stdout)
      #expect(json["status"] as? String == "incomplete")
      let ids = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
      #expect(ids.contains(check), "\(domain): \(ids)")
    }
  }

  @Test("--domains-file: comments, CSV first column, duplicates skipped; a bad line is a finding that names its line")
  func domainsFile() throws {
    let list = NSTemporaryDirectory() + "mailzone-domains-\(getpid()).txt"
    try "# clients\nexample.com,Acme Inc\n\nexample.com\n".write(toFile: list, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: list) }
    let result = try CLIRunner.run(["audit", "--zone", Self.example, "--format", "ndjson", "--domains-file", list])
    #expect(result.stdout.split(separator: "\n").count == 1)
    try "example.com\nbad..name\n".write(toFile: list, atomically: true, encoding: .utf8)
    let bad = try CLIRunner.run(["audit", "--zone", Self.example, "--format", "ndjson", "--domains-file", list])
    #expect(bad.status == 1, "a malformed line is an error finding: exit 1 with --fail-on error")
    let lines = try bad.stdout.split(separator: "\n").map { try object(String($0)) }
    #expect(lines.count == 2)
    let malformed = try #require(lines.first { $0["status"] as? String == "malformed" })
    #expect(malformed["domain"] as? String == "bad..name")
    #expect(malformed["line"] as? Int == 2)
    let finding = try #require((malformed["findings"] as? [[String: Any]])?.first)
    #expect(finding["id"] as? String == "input.malformed-domain")
    #expect((finding["message"] as? String)?.hasPrefix("line 2: 'bad..name' is not a domain name") == true)
    let never = try CLIRunner.run(["audit", "--zone", Self.example, "--fail-on", "never", "--domains-file", list])
    #expect(never.status == 0)
  }

  @Test("Documentation/checks.md is what `mailzone checks --format markdown` prints (run `make docs`)")
  func documentationInSync() throws {
    let generated = try CLIRunner.run(["checks", "--format", "markdown"]).stdout
    let committed = try String(
      contentsOf: Self.packageRoot.appendingPathComponent("Documentation/checks.md"), encoding: .utf8)
    #expect(generated == committed, "Documentation/checks.md is stale: run `make docs`")
  }

  @Test("explain prints a check's rationale and examples; an unknown id is a usage error")
  func explain() throws {
    let known = try CLIRunner.run(["explain", "dns.query-failed"])
    #expect(known.status == 0)
    #expect(known.stdout.contains("example (fails)"))
    let unknown = try CLIRunner.run(["explain", "spf.no-such-check"])
    #expect(unknown.status == 64)
    #expect(unknown.stderr.contains("no check 'spf.no-such-check'"))
  }
}
