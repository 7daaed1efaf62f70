import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone spf flatten` run as users run it, against the flatten fixture zones.
@Suite("mailzone spf flatten, end to end")
struct SPFFlattenCommandTests {
  static var zones: [String] {
    ["flat.test", "provider.test", "big.test"].flatMap { ["--zone", Fixtures.directory + "/flatten/\($0).zone"] }
  }

  func json(_ result: CLIRunner.Result) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test("an over-limit domain flattens, proven: exit 0, the zone lines and the summary")
  func text() throws {
    let result = try CLIRunner.run(["spf", "flatten", "big.test"] + Self.zones)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("big.test. 3600 IN TXT \"v=spf1 "))
    #expect(result.stdout.contains("; SPF for big.test, flattened by mailzone"))
    #expect(result.stdout.contains("lookups: 12 before"))
    #expect(result.stdout.contains("proven: publish the records above"))
  }

  @Test("json: records, live terms with reasons, and the proof counts")
  func json() throws {
    let result = try CLIRunner.run(
      ["spf", "flatten", "flat.test", "--max-lookups", "2", "--format", "json"] + Self.zones)
    #expect(result.status == 0, "\(result.stderr)")
    let object = try json(result)
    #expect(object["proven"] as? Bool == true)
    #expect(object["lookups_before"] as? Int == 9)
    #expect(object["lookups_after"] as? Int == 0)
    let records = try #require(object["records"] as? [[String: Any]])
    #expect(records.first?["name"] as? String == "flat.test.")
    let proof = try #require(object["proof"] as? [String: Any])
    let tested = try #require(proof["tested"] as? Int)
    #expect(tested > 100 && proof["agreeing"] as? Int == tested)
  }

  @Test("live terms that alone exceed --max-lookups: exit 1 and no records")
  func doesNotFit() throws {
    let result = try CLIRunner.run(["spf", "flatten", "keeps.flat.test", "--max-lookups", "2"] + Self.zones)
    #expect(result.status == 1)
    #expect(!result.stdout.contains("IN TXT"))
    #expect(result.stdout.contains("does not fit: the live terms cost 3 lookups, over the 2 allowed"))
    #expect(result.stdout.contains("live: ptr"))
  }

  @Test("no SPF record exits 65; a bad --chain exits 64; a name outside the zones exits 2")
  func failures() throws {
    #expect(try CLIRunner.run(["spf", "flatten", "mail.flat.test"] + Self.zones).status == 65)
    #expect(try CLIRunner.run(["spf", "flatten", "flat.test", "--chain", "_spf"] + Self.zones).status == 64)
    let outside = try CLIRunner.run(["spf", "flatten", "example.invalid"] + Self.zones)
    #expect(outside.status == 2, "\(outside.stderr)")
  }
}
