import Foundation
import MailZoneDNS
import MailZoneRecords

/// Turns a ``GenerateConfig`` into the complete record set, every value through the record renderers.
public struct RecordGenerator: Sendable {
  public var config: GenerateConfig

  /// Creates a generator for `config`.
  public init(config: GenerateConfig) { self.config = config }

  /// The records, grouped by family; throws when a value does not render to a valid record.
  public func generate() throws(GenerateError) -> GeneratedSet {
    var sections = [mxSection(), try spfSection(), try dkimSection()]
    if config.dmarc != nil { sections.append(try dmarcSection()) }
    var files: [GeneratedFile] = []
    if let sts = config.mtaSTS {
      let (section, file) = try mtaSTSSection(sts)
      sections.append(section)
      files.append(file)
    }
    if !config.tlsReports.isEmpty { sections.append(try tlsRPTSection()) }
    if config.bimiLogo != nil { sections.append(try bimiSection()) }
    if !config.parked.isEmpty { sections.append(try parkedSection()) }
    return GeneratedSet(
      domain: config.domain.description, sections: sections.filter { !$0.records.isEmpty || !$0.notes.isEmpty },
      files: files)
  }

  private var dashed: String { config.domain.description.replacingOccurrences(of: ".", with: "-") }

  func record(_ name: DNSName, _ type: RRType, _ value: String, comment: String? = nil) -> ZoneRecord {
    ZoneRecord(name: name, type: type, ttl: config.ttl, value: value, comment: comment)
  }

  func name(_ prefix: String) throws(GenerateError) -> DNSName {
    do { return try DNSName(prefix + "." + config.domain.description) } catch {
      throw GenerateError(.invalidRecord, "\(prefix).\(config.domain) is not a valid name: \(error)")
    }
  }

  private func mxSection() -> GeneratedSection {
    let mx = config.effectiveMX.map { record(config.domain, .mx, "\($0.priority) \($0.host).") }
    let notes =
      mx.isEmpty ? ["The domain receives no mail here: add mx: or a service that hosts mail if it should."] : []
    return GeneratedSection(family: .mx, records: mx, notes: notes)
  }

  private func spfSection() throws(GenerateError) -> GeneratedSection {
    var terms = config.ip4.map { "ip4:\($0)" } + config.ip6.map { "ip6:\($0)" }
    var seen = Set<String>()
    for service in config.services {
      guard let include = service.provider.spfInclude, seen.insert(include).inserted else { continue }
      terms.append("include:\(include)")
    }
    let spf = try SPFText.record(terms + ["-all"])
    return GeneratedSection(family: .spf, records: [record(config.domain, .txt, spf)])
  }

  private func dkimSection() throws(GenerateError) -> GeneratedSection {
    var records: [ZoneRecord] = []
    var notes: [String] = []
    for service in config.services {
      let ownSelectors = Set(config.dkim.map(\.selector))
      let keyedByHand = service.provider.dkim.contains { $0.target == nil && ownSelectors.contains($0.selector) }
      if let note = service.provider.note, !keyedByHand { notes.append(note) }
      for pattern in service.provider.dkim {
        guard let target = pattern.target else { continue }
        let tokens = pattern.selector.contains("{token}") ? service.tokens : [""]
        for token in tokens {
          let fill = { (text: String) in
            text.replacingOccurrences(of: "{token}", with: token)
              .replacingOccurrences(of: "{tenant}", with: service.tenant ?? "")
              .replacingOccurrences(of: "{account}", with: service.account ?? "")
              .replacingOccurrences(of: "{dashed}", with: dashed)
              .replacingOccurrences(of: "{domain}", with: config.domain.description)
          }
          let owner = try name(fill(pattern.selector) + "._domainkey")
          records.append(record(owner, .cname, fill(target) + ".", comment: service.provider.name))
        }
      }
    }
    for entry in config.dkim {
      let owner = try name(entry.selector + "._domainkey")
      if let key = entry.keyRecord {
        records.append(record(owner, .txt, key, comment: "own key, selector \(entry.selector)"))
      }
      if let cname = entry.cname { records.append(record(owner, .cname, cname + ".")) }
    }
    return GeneratedSection(family: .dkim, records: records, notes: notes)
  }
}
