import Foundation
import MailZoneGenerate
import MailZoneTestSupport
import Testing
import Yams

/// The templates' output for each fixture config and flavour, against `Tests/Fixtures/generate/`.
/// `MAILZONE_UPDATE_GOLDEN=1 swift test --filter GoldenTests` rewrites the goldens after a deliberate change.
@Suite("generate goldens: every fixture in every flavour")
struct GoldenTests {
  struct Case: CustomStringConvertible, Sendable {
    var config: String
    var flavour: OutputFlavour
    var golden: String {
      let base = String(config.dropLast(".yml".count))
      switch flavour {
      case .bind: return base + ".zone"
      case .json: return base + ".json"
      case .octodns: return base + ".octodns.yaml"
      }
    }
    var description: String { "\(config) as \(flavour.rawValue)" }
  }

  static let cases = GenerateHarness.configNames.flatMap { config in
    OutputFlavour.allCases.map { Case(config: config, flavour: $0) }
  }

  @Test("the output matches the golden file", arguments: cases)
  func golden(_ test: Case) throws {
    let set = try GenerateHarness.generate(try GenerateHarness.text(test.config), file: test.config)
    let output = try GenerateHarness.renderer().render(set, as: test.flavour)
    let path = GenerateHarness.configDirectory + "/" + test.golden
    if ProcessInfo.processInfo.environment["MAILZONE_UPDATE_GOLDEN"] == "1" {
      try Data(output.utf8).write(to: URL(fileURLWithPath: path))
    }
    let expected = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    #expect(output == expected)
  }

  @Test("JSON output is a document whose records carry the generated values", arguments: GenerateHarness.configNames)
  func json(_ config: String) throws {
    let set = try GenerateHarness.generate(try GenerateHarness.text(config), file: config)
    let output = try GenerateHarness.renderer().render(set, as: .json)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let records = try #require(object["records"] as? [[String: Any]])
    #expect(records.count == set.zoneRecords.count)
    for (record, json) in zip(set.zoneRecords, records) {
      #expect(json["name"] as? String == record.name.absoluteText)
      #expect(json["type"] as? String == record.type.description)
      #expect(json["ttl"] as? Int == Int(record.ttl))
      #expect(json["value"] as? String == record.value)
      if record.type == .txt {
        let strings = try #require(json["strings"] as? [String], "\(record.bindLine)")
        #expect(strings.joined() == record.value)
        #expect(strings.allSatisfy { $0.utf8.count <= 255 })
      }
    }
    let external = try #require(object["external"] as? [[String: Any]])
    #expect(external.count == set.externalRecords.count)
    let files = try #require(object["files"] as? [[String: Any]])
    #expect(files.map { $0["content"] as? String } == set.files.map(\.content))
  }

  @Test("octoDNS output is YAML with one key per name and the records' values", arguments: GenerateHarness.configNames)
  func octoDNS(_ config: String) throws {
    let set = try GenerateHarness.generate(try GenerateHarness.text(config), file: config)
    let output = try GenerateHarness.renderer().render(set, as: .octodns)
    let document = try #require(try Yams.load(yaml: output) as? [String: Any])
    let names = Set(
      set.zoneRecords.map { record -> String in
        let name = record.name.description
        return name == set.domain ? "" : String(name.dropLast(set.domain.count + 1))
      })
    #expect(Set(document.keys) == names)
    var count = 0
    for entries in document.values {
      for entry in try #require(entries as? [[String: Any]]) {
        count += (entry["values"] as? [Any])?.count ?? (entry["value"] == nil ? 0 : 1)
      }
    }
    #expect(count == set.zoneRecords.count)
    let spf = try #require(set.zoneRecords.first { $0.value.hasPrefix("v=spf1") })
    let apex = try #require(document[""] as? [[String: Any]])
    let txt = try #require(apex.first { $0["type"] as? String == "TXT" })
    #expect(txt["value"] as? String == spf.value)
  }
}
