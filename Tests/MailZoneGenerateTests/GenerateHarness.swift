import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneGenerate
import MailZoneTestSupport
import _CryptoExtras

/// Shared steps of the generator tests: the package's templates, the fixture configs, and an
/// offline audit of generated records next to zones written for the providers' names.
enum GenerateHarness {
  static let packageRoot = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let templatesDirectory = packageRoot.appendingPathComponent("Templates").path
  static let configDirectory = Fixtures.directory + "/generate"

  /// The fixture configurations (`Tests/Fixtures/generate/*.yml`), by file name.
  static var configNames: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: configDirectory)) ?? []
    return names.filter { $0.hasSuffix(".yml") }.sorted()
  }

  static func text(_ file: String) throws -> String {
    String(decoding: try Data(contentsOf: URL(fileURLWithPath: configDirectory + "/" + file)), as: UTF8.self)
  }

  static func generate(_ yaml: String, file: String) throws -> GeneratedSet {
    try RecordGenerator(config: try ConfigReader(file: file).read(yaml)).generate()
  }

  static func renderer() throws -> TemplateRenderer {
    TemplateRenderer(templates: try TemplateSet(directory: templatesDirectory))
  }

  /// One public RSA-2048 key, shared by every DKIM target zone (generating is slow).
  static let dkimKey: String = {
    let key = (try? _RSA.Signing.PrivateKey(keySize: .bits2048))?.publicKey.derRepresentation ?? Data()
    return key.base64EncodedString()
  }()

  /// A zone whose apex is `name`, holding `lines` (relative to `@`).
  static func stub(_ name: String, _ lines: [String]) -> String {
    (["$ORIGIN \(name).", "@ 300 SOA ns hostmaster 1 3600 600 86400 300"] + lines).joined(separator: "\n") + "\n"
  }

  /// Zones for every name outside the domain the generated records point at: SPF includes, MX hosts,
  /// CNAME targets, and the report-domain authorizations (published as the output asks).
  static func providerZones(for set: GeneratedSet) throws -> [ZoneFile] {
    var zones: [String: [String]] = [:]
    let domain = try DNSName(set.domain)
    for record in set.zoneRecords {
      switch record.type {
      case .txt where record.value.hasPrefix("v=spf1"):
        for term in record.value.split(separator: " ") where term.hasPrefix("include:") {
          zones[String(term.dropFirst("include:".count)), default: []] += [
            "@ 300 TXT \"v=spf1 ip4:198.51.100.128/25 -all\""
          ]
        }
      case .mx:
        let host = String(record.value.split(separator: " ").last ?? "").dropLast()
        if !host.isEmpty, let name = try? DNSName(String(host)), !name.isSubdomain(of: domain) {
          zones[String(host), default: []] += ["@ 300 A 198.51.100.25"]
        }
      case .cname:
        let target = String(record.value.dropLast())
        let isDKIM = record.name.description.contains("._domainkey.")
        zones[target, default: []] += [
          isDKIM ? "@ 300 TXT " + TXTStringsLine.quoted("v=DKIM1; k=rsa; p=\(dkimKey)") : "@ 300 A 198.51.100.80"
        ]
      default: break
      }
    }
    for external in set.externalRecords {
      let reportDomain = external.name.description.components(separatedBy: "._report._dmarc.").last ?? ""
      zones[reportDomain, default: []] += [external.bindLine, "@ 300 MX 10 mx.\(reportDomain)."]
    }
    return try zones.sorted { $0.key < $1.key }.map { name, lines in
      try ZoneFile(text: stub(name, lines), path: "provider zone \(name)")
    }
  }

  /// The domain's zone: a header, then the BIND output as generated, plus A records for its own MX hosts.
  static func domainZone(_ bind: String, set: GeneratedSet) throws -> ZoneFile {
    let domain = try DNSName(set.domain)
    var lines = [bind]
    for record in set.zoneRecords where record.type == .mx {
      let host = String(record.value.split(separator: " ").last ?? "").dropLast()
      if let name = try? DNSName(String(host)), name.isSubdomain(of: domain) {
        lines.append("\(host). 300 A 203.0.113.25")
      }
    }
    return try ZoneFile(
      text: stub(set.domain, []) + lines.joined(separator: "\n") + "\n", path: "\(set.domain) generated")
  }

  /// Audits the generated zone offline with every check and returns the findings.
  static func audit(_ zone: ZoneFile, providers: [ZoneFile], set: GeneratedSet) async throws -> [Finding] {
    let cache = CachingResolver(upstream: ZoneFileResolver(files: [zone] + providers))
    let selectors = set.zoneRecords.compactMap { record -> String? in
      let name = record.name.description
      guard let range = name.range(of: "._domainkey.") else { return nil }
      return String(name[..<range.lowerBound])
    }
    let runner = AuditRunner(cache: cache, options: AuditOptions(selectors: selectors))
    return await runner.audit(try DNSName(set.domain)).findings
  }
}

/// Quoting a TXT value for a hand-written stub zone line, split as the generator splits.
enum TXTStringsLine {
  static func quoted(_ value: String) -> String {
    ZoneRecord(name: .root, type: .txt, value: value).presentationValue
  }
}
