import MailZoneAudit
import Testing

/// Every example of every check runs: a passing zone yields no finding from its check, a failing
/// zone at least one. An example that stops doing what it says breaks the build.
@Suite("Check examples")
struct CheckExampleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let check: any Check
    let example: CheckExample
    var testDescription: String {
      "\(type(of: check).description.id) \(example.outcome.rawValue): \(example.note)"
    }
  }

  static let cases: [Case] = CheckRegistry.all.flatMap { check in
    type(of: check).description.examples.map { Case(check: check, example: $0) }
  }

  @Test(arguments: cases)
  func example(_ c: Case) async throws {
    let id = type(of: c.check).description.id
    let findings = try await c.example.findings(of: c.check)
    #expect(findings.allSatisfy { $0.checkID == id }, "a check reports only under its own id")
    switch c.example.outcome {
    case .passes:
      #expect(findings.isEmpty, "unexpected: \(findings.map(\.message))")
    case .fails:
      #expect(!findings.isEmpty, "the failing example produced no finding")
    }
  }
}

/// Every example of every zone-file check, read as `mailzone check` reads a file.
@Suite("Zone check examples")
struct ZoneCheckExampleTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let check: any ZoneCheck
    let example: CheckExample
    var testDescription: String {
      "\(type(of: check).description.id) \(example.outcome.rawValue): \(example.note)"
    }
  }

  static let cases: [Case] = CheckRegistry.zoneChecks.flatMap { check in
    type(of: check).description.examples.map { Case(check: check, example: $0) }
  }

  @Test(arguments: cases)
  func example(_ c: Case) {
    let id = type(of: c.check).description.id
    let findings = c.example.findings(of: c.check)
    #expect(findings.allSatisfy { $0.checkID == id && $0.location != nil }, "own id, located")
    switch c.example.outcome {
    case .passes:
      #expect(findings.isEmpty, "unexpected: \(findings.map(\.message))")
    case .fails:
      #expect(!findings.isEmpty, "the failing example produced no finding")
    }
  }
}

@Suite("Check registry invariants")
struct CheckRegistryTests {
  static let descriptions = CheckRegistry.descriptions

  @Test("ids are unique, kebab-case and prefixed by their family")
  func ids() {
    let ids = Self.descriptions.map(\.id)
    #expect(Set(ids).count == ids.count, "duplicate ids")
    for description in Self.descriptions {
      let id = description.id
      #expect(id.hasPrefix(description.family.rawValue + "."), "\(id) is not under \(description.family.rawValue).")
      #expect(id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" || $0 == "." }, "\(id) is not kebab-case")
    }
  }

  @Test("every check has a passing and a failing example, a reference, a title, summary and rationale")
  func completeness() {
    for description in Self.descriptions {
      #expect(description.examples.contains { $0.outcome == .passes }, "\(description.id): no passing example")
      #expect(description.examples.contains { $0.outcome == .fails }, "\(description.id): no failing example")
      #expect(!description.references.isEmpty, "\(description.id): no reference")
      #expect(!description.title.isEmpty && !description.summary.isEmpty && !description.rationale.isEmpty)
      #expect(!description.summary.contains("\n"), "\(description.id): the summary is one line")
    }
  }
}
