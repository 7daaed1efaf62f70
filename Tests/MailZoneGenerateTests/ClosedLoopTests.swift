import MailZoneAudit
import MailZoneDNS
import MailZoneGenerate
import MailZoneRecords
import Testing

/// Render → load as a zone → audit offline → nothing at warning or above.
///
/// Two findings are the intent of a stage, not a defect, and are required where they apply: p=none
/// at the monitoring stage of a staged rollout (`dmarc.policy-none`), and `dkim.no-key-found` when
/// every DKIM key is one the user must copy from a provider's console (the output says so).
@Suite("closed loop: generated records audit clean")
struct ClosedLoopTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var yaml: String
    var stage: Int
    var description: String { "\(name), DMARC stage \(stage)" }
  }

  static let cases: [Case] = {
    let configs =
      GenerateHarness.configNames.compactMap { name in (try? GenerateHarness.text(name)).map { (name, $0) } }
      + [("mailzone init starter", StarterConfig.text(domain: "example.com"))]
    return configs.flatMap { name, yaml -> [Case] in
      let stages = (try? ConfigReader(file: name).read(yaml))?.dmarc?.stages.count ?? 1
      return (1...stages).map { Case(name: name, yaml: yaml, stage: $0) }
    }
  }()

  @Test("every example config, at every rollout stage, audits clean", arguments: cases)
  func clean(_ test: Case) async throws {
    var config = try ConfigReader(file: test.name).read(test.yaml)
    config.dmarc?.stage = test.stage
    let set = try RecordGenerator(config: config).generate()
    let bind = try GenerateHarness.renderer().render(set, as: .bind)
    let zone = try GenerateHarness.domainZone(bind, set: set)
    for record in set.zoneRecords {
      #expect(
        zone.entries.contains { $0.record.owner == record.name && $0.record.type == record.type },
        "\(record.bindLine) did not load")
    }
    let findings = try await GenerateHarness.audit(
      zone, providers: try GenerateHarness.providerZones(for: set), set: set)
    var intended: Set<String> = []
    if config.dmarc?.currentPolicy == DMARCPolicy.none { intended.insert("dmarc.policy-none") }
    let dkim = set.sections.first { $0.family == .dkim }
    if dkim?.records.isEmpty ?? true, !(dkim?.notes.isEmpty ?? true) { intended.insert("dkim.no-key-found") }
    let serious = findings.filter { $0.severity >= .warning }
    #expect(Set(serious.map(\.checkID)) == intended, "\(serious.map { "\($0.checkID): \($0.message)" })")
  }

  @Test("the zone the audit reads has every generated record", arguments: GenerateHarness.configNames)
  func loads(_ name: String) throws {
    let set = try GenerateHarness.generate(try GenerateHarness.text(name), file: name)
    let zone = try GenerateHarness.domainZone(try GenerateHarness.renderer().render(set, as: .bind), set: set)
    let ownMX = set.zoneRecords.filter { $0.type == .mx && $0.value.hasSuffix(".\(set.domain).") }.count
    #expect(zone.entries.count == 1 + set.zoneRecords.count + ownMX)
  }

  @Test("the fixtures exercise every template family and every provider of the catalogue")
  func coverage() throws {
    var families: Set<RecordFamily> = []
    var providers: Set<String> = []
    for name in GenerateHarness.configNames {
      var config = try ConfigReader(file: name).read(try GenerateHarness.text(name))
      providers.formUnion(config.services.map(\.provider.key))
      let last = config.dmarc?.stages.count ?? 1
      config.dmarc?.stage = last
      let set = try RecordGenerator(config: config).generate()
      families.formUnion(set.sections.filter { !$0.records.isEmpty }.map(\.family))
    }
    #expect(families == Set(RecordFamily.allCases))
    #expect(providers == Set(MailProvider.catalogue.map(\.key)))
  }
}
