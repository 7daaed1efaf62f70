import Foundation
import MailZoneTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `mailzone check --format sarif|github|junit` over the broken fixture: what CI systems read.
@Suite("mailzone check output formats")
struct CheckOutputFormatTests {
  @Test("SARIF 2.1.0: every required property, physical locations with regions, rules with descriptions")
  func sarif() throws {
    let copy = try CheckFixture.copy(CheckFixture.broken)
    defer { try? FileManager.default.removeItem(atPath: copy) }
    let baseline = copy + "/b.json"
    _ = try CheckFixture.check(["--write-baseline", baseline], in: copy)
    try CheckFixture.insert("ftp      IN CNAME files.acme.test", before: 5, in: copy + "/zones/acme.test.zone")
    let result = try CheckFixture.check(["--format", "sarif", "--baseline", baseline], in: copy)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    #expect(driver["name"] as? String == "mailzone")
    #expect(driver["version"] is String && driver["informationUri"] is String)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    for rule in rules {
      #expect(rule["id"] is String)
      #expect((rule["shortDescription"] as? [String: Any])?["text"] is String)
      #expect((rule["fullDescription"] as? [String: Any])?["text"] is String)
      #expect((rule["help"] as? [String: Any])?["text"] is String)
    }
    let ruleIDs = rules.compactMap { $0["id"] as? String }
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.count == CheckFixture.expected.count + 1)
    var states: [String: Int] = [:]
    for result in results {
      let id = try #require(result["ruleId"] as? String)
      let index = try #require(result["ruleIndex"] as? Int)
      #expect(ruleIDs[index] == id, "ruleIndex points at the rule")
      #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
      #expect((result["message"] as? [String: Any])?["text"] is String)
      let location = try #require((result["locations"] as? [[String: Any]])?.first)
      let physical = try #require(location["physicalLocation"] as? [String: Any])
      let artifact = try #require(physical["artifactLocation"] as? [String: Any])
      #expect(
        artifact["uri"] as? String == "zones/acme.test.zone" || artifact["uri"] as? String == "zones/beta.test.zone")
      #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
      let region = try #require(physical["region"] as? [String: Any])
      #expect((region["startLine"] as? Int ?? 0) >= 1 && (region["startColumn"] as? Int ?? 0) >= 1)
      states[result["baselineState"] as? String ?? "none", default: 0] += 1
    }
    #expect(states == ["unchanged": CheckFixture.expected.count, "new": 1])

    // partialFingerprints survive the inserted line: the old results keep their identities.
    func identities(_ results: [[String: Any]]) -> Set<String> {
      Set(results.compactMap { ($0["partialFingerprints"] as? [String: Any])?["mailzone/v1"] as? String })
    }
    let before = try CheckFixture.check(["--format", "sarif"], in: CheckFixture.broken)
    let original = try #require(try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
    let originalResults = try #require((original["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    let unchanged = results.filter { $0["baselineState"] as? String == "unchanged" }
    #expect(identities(originalResults).count == CheckFixture.expected.count)
    #expect(identities(unchanged) == identities(originalResults))
  }

  @Test("github: one workflow command per finding with file, line, col and title; escaped data")
  func github() throws {
    let result = try CheckFixture.check(["--format", "github"], in: CheckFixture.broken)
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == CheckFixture.expected.count + 1, "one per finding and the summary")
    #expect(
      lines.contains {
        $0.hasPrefix("::error file=zones/acme.test.zone,line=8,col=19,title=zone.relative-name-suspect::")
      })
    #expect(lines.contains { $0.hasPrefix("::warning file=zones/beta.test.zone,line=10,col=10,title=zone.ttl-zero::") })
    #expect(lines.last?.hasPrefix("::notice title=mailzone check::8 errors, 5 warnings") == true, "\(lines.last ?? "")")
    for line in lines {
      #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "))
      let message = line.components(separatedBy: "::").dropFirst(2).joined(separator: "::")
      #expect(!message.contains("\r"))
    }
  }

  @Test("junit: well-formed XML, a testsuite per zone file, failures carry message and location")
  func junit() throws {
    let result = try CheckFixture.check(["--format", "junit"], in: CheckFixture.broken)
    #expect(result.status == 1)
    let document = try XMLDocument(data: Data(result.stdout.utf8))
    let root = try #require(document.rootElement())
    #expect(root.name == "testsuites")
    let suites = root.elements(forName: "testsuite")
    #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue } == CheckFixture.files)
    let failures = suites.flatMap { $0.elements(forName: "testcase") }.flatMap { $0.elements(forName: "failure") }
    #expect(failures.count == CheckFixture.expected.count)
    let bodies = failures.compactMap(\.stringValue)
    #expect(bodies.contains { $0.hasPrefix("zones/acme.test.zone:10:44: warning: spf.ptr:") })
    #expect(failures.allSatisfy { !($0.attribute(forName: "message")?.stringValue ?? "").isEmpty })
    // A testcase is a check for one name (DNS checks) or one file (zone checks): the three
    // zone.syntax findings of beta.test.zone are one failing testcase, so 13 findings fail 11.
    let total = suites.map { Int($0.attribute(forName: "failures")?.stringValue ?? "") ?? -1 }.reduce(0, +)
    #expect(total == 11)
  }
}
