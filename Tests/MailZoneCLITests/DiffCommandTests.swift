import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone diff` end to end: NSD serves `Tests/Fixtures/zones/diff.test.zone` as live DNS and
/// `Tests/Fixtures/diff/diff.test.zone` is the zone about to be deployed.
@Suite("mailzone diff, end to end")
struct DiffCommandTests {
  static let changed = Fixtures.directory + "/diff/diff.test.zone"
  static let unchanged = Fixtures.directory + "/zones/diff.test.zone"

  func diff(_ arguments: [String]) throws -> CLIRunner.Result {
    let server = try NSDServer.shared()
    return try CLIRunner.run(["diff", "--nameserver", server.nameserver.description] + arguments)
  }

  func json(_ output: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
  }

  @Test("JSON: exactly the added, removed, changed and re-split records, and the facts before → after")
  func changesJSON() throws {
    let result = try diff(["--format", "json", Self.changed])
    #expect(result.status == 1, "stderr: \(result.stderr)")
    let report = try json(result.stdout)
    #expect(report["changed"] as? Bool == true)
    #expect(report["complete"] as? Bool == true)
    let domains = try #require(report["domains"] as? [[String: Any]])
    #expect(domains.map { $0["domain"] as? String } == ["diff.test"])
    let domain = try #require(domains.first)
    let records = try #require(domain["records"] as? [[String: Any]])
    let summary = records.map { "\($0["change"] ?? "") \($0["name"] ?? "") \($0["type"] ?? "")" }
    #expect(summary.count == 7)
    #expect(
      Set(summary) == [
        "changed diff.test TXT", "changed diff.test MX", "changed _dmarc.diff.test TXT",
        "resplit _mta-sts.diff.test TXT", "removed selector2._domainkey.diff.test TXT", "added _spf2.diff.test TXT",
        "added s1._domainkey.diff.test CNAME",
      ])
    let byName = Dictionary(
      records.map { ("\($0["name"] ?? "") \($0["type"] ?? "")", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byName["diff.test MX"]?["before"] as? String == "10 mx1.diff.test.")
    #expect(byName["diff.test MX"]?["after"] as? String == "10 mx2.diff.test.")
    #expect(byName["diff.test TXT"]?["before"] as? String == "v=spf1 include:_spf.diff.test -all")
    #expect(
      byName["diff.test TXT"]?["after"] as? String == "v=spf1 include:_spf.diff.test include:_spf2.diff.test -all")
    #expect(
      byName["_dmarc.diff.test TXT"]?["after"] as? String == "v=DMARC1; p=reject; psd=n; rua=mailto:dmarc@diff.test")
    // The CNAME itself is the change; the TXT it leads to lives in other.test, not at its owner.
    #expect(byName["s1._domainkey.diff.test CNAME"]?["after"] as? String == "target.other.test.")
    #expect(byName["s1._domainkey.diff.test TXT"] == nil)
    #expect(byName["_mta-sts.diff.test TXT"]?["before"] as? String == "2 strings (9 + 18 bytes)")
    #expect(byName["_mta-sts.diff.test TXT"]?["after"] as? String == "1 string (27 bytes)")
    let facts = try #require(domain["facts"] as? [[String: Any]])
    let byFact = Dictionary(facts.map { ($0["fact"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    #expect(byFact["spf.lookups"]?["before"] as? Int == 1)
    #expect(byFact["spf.lookups"]?["after"] as? Int == 4)
    #expect(byFact["dmarc.p"]?["before"] as? String == "none")
    #expect(byFact["dmarc.p"]?["after"] as? String == "reject")
    #expect(byFact["dkim.selectors"]?["before"] as? [String] == ["selector1", "selector2"])
    #expect(byFact["dkim.selectors"]?["after"] as? [String] == ["selector1"])
    #expect(byFact["dkim.selector2.key_bits"]?["before"] as? [Int] == [1024])
    #expect(byFact["mx.hosts"]?["before"] as? [String] == ["10 mx1.diff.test"])
    #expect(byFact["mx.hosts"]?["after"] as? [String] == ["10 mx2.diff.test"])
    // Unchanged facts are not listed: the TLS-RPT record, the MTA-STS id and the void lookups.
    #expect(byFact["mta_sts.id"] == nil)
    #expect(byFact["spf.void_lookups"] == nil)
    let gone = try #require(domain["gone_findings"] as? [[String: Any]])
    let goneChecks = gone.map { "\($0["check"] ?? "") \($0["subject"] ?? "")" }
    #expect(goneChecks.contains { $0.hasPrefix("dmarc.policy-none ") })
    #expect(goneChecks.contains { $0.hasPrefix("dkim.rsa-key-under-2048 ") })
    // The new MX host has no PTR either: a finding on a new subject, the old host's one goes.
    let new = try #require(domain["new_findings"] as? [[String: Any]])
    #expect(new.map { $0["check"] as? String } == ["mx.ptr-missing"])
    #expect((new.first?["message"] as? String)?.contains("mx2.diff.test") == true)
  }

  @Test("text: git-diff-style lines and the before → after lines")
  func changesText() throws {
    let result = try diff([Self.changed])
    #expect(result.status == 1, "stderr: \(result.stderr)")
    let lines = result.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(lines.first == "diff.test")
    #expect(lines.contains(#"+ _spf2.diff.test TXT "v=spf1 a:mx1.diff.test mx:diff.test -all""#))
    #expect(lines.contains(#"~ diff.test MX "10 mx1.diff.test." → "10 mx2.diff.test.""#))
    #expect(
      lines.contains(
        #"~ _dmarc.diff.test TXT "v=DMARC1; p=none; psd=n; rua=mailto:dmarc@diff.test" → "v=DMARC1; p=reject; psd=n; rua=mailto:dmarc@diff.test""#
      ))
    #expect(lines.contains { $0.hasPrefix("- selector2._domainkey.diff.test TXT \"v=DKIM1; k=rsa; p=") })
    #expect(lines.contains { $0.hasPrefix("= _mta-sts.diff.test TXT re-split only") })
    #expect(lines.contains("SPF lookups 1 → 4"))
    #expect(lines.contains("DMARC p none → reject"))
    #expect(lines.contains("DKIM selectors selector1, selector2 → selector1"))
    #expect(lines.contains("MX hosts 10 mx1.diff.test → 10 mx2.diff.test"))
    #expect(!result.stdout.contains("_smtp._tls"))
    #expect(!result.stdout.contains("site-verification"))
    #expect(lines.last == "1 domain, 1 with changes")
  }

  @Test("the live zone itself: no change, exit 0")
  func noChange() throws {
    let result = try diff([Self.unchanged])
    #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(result.stdout.hasPrefix("diff.test: no mail-authentication change\n"))
    let report = try json(diff(["--format", "json", Self.unchanged]).stdout)
    #expect(report["changed"] as? Bool == false)
  }

  @Test("a TXT record split into other strings only: reported as harmless, exit 0")
  func resplitOnly() throws {
    let result = try diff([Fixtures.directory + "/diff/resplit/diff.test.zone"])
    #expect(result.status == 0, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(
      result.stdout.contains(
        "= _mta-sts.diff.test TXT re-split only, 2 strings (9 + 18 bytes) → 2 strings (12 + 15 bytes); same content, harmless"
      ))
    #expect(result.stdout.hasPrefix("diff.test: no mail-authentication change\n"))
  }

  @Test("a nameserver that never answers: exit 2, in bounded time")
  func silentNameserver() throws {
    let silent = try SilentServer()
    let start = Date()
    let result = try CLIRunner.run([
      "diff", "--nameserver", silent.nameserver.description, "--timeout", "0.2", "--retries", "1", Self.changed,
    ])
    #expect(result.status == 2, "stdout: \(result.stdout) stderr: \(result.stderr)")
    #expect(result.stdout.contains("incomplete"))
    // A hang guard, not a timing assertion.
    #expect(Date().timeIntervalSince(start) < 120)
  }

  @Test("usage and data errors: 64 without a zone file, 65 for a broken one")
  func errors() throws {
    #expect(try CLIRunner.run(["diff"]).status == 64)
    #expect(try CLIRunner.run(["diff", "--zone", Self.changed, Self.changed]).status == 64)
    let broken = try CLIRunner.run(["diff", "--nameserver", "127.0.0.1:9", Fixtures.brokenZone])
    #expect(broken.status == 65)
    #expect(broken.stderr.contains("broken.test.zone"))
  }
}
