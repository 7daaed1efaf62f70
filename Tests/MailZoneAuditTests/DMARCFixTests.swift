import MailZoneAudit
import MailZoneDNS
import MailZoneRecords
import Testing

/// The fixes DMARC findings carry are ready-to-paste zone lines: they load as zone text, hold a
/// valid record, and, published in place of the records at their owner, make the finding go away.
@Suite("DMARC fixes: ready to paste, and they fix")
struct DMARCFixTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let check: any Check
    let example: CheckExample
    var testDescription: String { "\(type(of: check).description.id): \(example.note)" }
  }

  /// Fixes that resolve only part of their finding, with the reason.
  static let partial: [String: String] = [
    "dmarc.record-at-apex": "the fix publishes the record at _dmarc; removing the apex TXT is left to the user"
  ]

  /// Checks whose every failing example can be corrected by a written record.
  static let alwaysFixed: Set<String> = [
    "dmarc.missing", "dmarc.record-at-apex", "dmarc.policy-none",
    "dmarc.subdomain-policy-weaker", "dmarc.nonexistent-policy-weaker", "dmarc.removed-tag",
    "dmarc.no-aggregate-reports", "dmarc.unauthorized-report-destination", "dmarc.testing-mode",
  ]

  static let cases: [Case] = CheckRegistry.all.filter { type(of: $0).description.family == .dmarc }.flatMap { check in
    type(of: check).description.examples.filter { $0.outcome == .fails }.map { Case(check: check, example: $0) }
  }

  @Test("every fix of every failing DMARC example", arguments: cases)
  func closedLoop(_ c: Case) async throws {
    let id = type(of: c.check).description.id
    let findings = try await c.example.findings(of: c.check)
    if Self.alwaysFixed.contains(id) { #expect(findings.contains { $0.fix != nil }, "the finding carries a fix") }
    for fix in findings.compactMap(\.fix) {
      let record = try Self.parseLine(fix)
      #expect(fix.hasSuffix(Self.presentation(record)), "one line, as the records module writes it")
      guard case .txt(let txt) = record.data else {
        Issue.record("a DMARC fix is a TXT record: \(fix)")
        continue
      }
      if record.owner.labels.first.map({ String(decoding: $0, as: UTF8.self) }) == "_dmarc" {
        #expect(throws: Never.self) { try DMARCRecord.parse(bytes: txt.strings.flatMap { $0 }) }
      } else {
        #expect(txt.text == "v=DMARC1", "an authorization record")
      }
      guard Self.partial[id] == nil else { continue }
      var fixed = c.example
      let zones = try Self.publish(record, in: [c.example.zone] + c.example.extraZones)
      fixed.zone = zones[0]
      fixed.extraZones = Array(zones.dropFirst())
      let after = try await fixed.findings(of: c.check)
      #expect(after.count < findings.count, "after publishing \(fix): \(after.map(\.message))")
    }
  }

  /// Reads one zone line with an absolute owner.
  static func parseLine(_ line: String) throws -> ResourceRecord {
    let owner = try #require(line.split(separator: " ").first.map(String.init))
    let file = try ZoneFile(text: line + "\n", path: "fix", origin: try DNSName(owner))
    return try #require(file.entries.first?.record)
  }

  static func presentation(_ record: ResourceRecord) -> String { record.data.presentation }

  /// The zones with every TXT at the record's owner replaced by the record, in the zone holding it.
  static func publish(_ record: ResourceRecord, in zones: [String]) throws -> [String] {
    let files = try zones.enumerated().map { try ZoneFile(text: $1, path: "zone \($0)") }
    let target = try #require(
      files.indices.filter { record.owner.isSubdomain(of: files[$0].apex) }
        .max { files[$0].apex.labels.count < files[$1].apex.labels.count })
    return try files.enumerated().map { index, file in
      guard index == target else { return zones[index] }
      let soa = try #require(file.soa)
      let kept = file.entries.map(\.record).filter {
        $0.type != .soa && !($0.owner == record.owner && $0.type == .txt)
      }
      return ([soa] + kept + [record]).map {
        "\($0.owner.absoluteText) \($0.ttl) IN \($0.type) \($0.data.presentation)"
      }
      .joined(separator: "\n")
    }
  }
}
