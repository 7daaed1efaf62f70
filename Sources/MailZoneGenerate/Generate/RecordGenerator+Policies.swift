import Crypto
import Foundation
import MailZoneDNS
import MailZoneRecords

extension RecordGenerator {
  /// DMARC at `_dmarc`, the stages of a staged rollout, and the `_report._dmarc` authorizations
  /// other domains receiving reports must publish (RFC 7489 §7.1).
  func dmarcSection() throws(GenerateError) -> GeneratedSection {
    guard let settings = config.dmarc else { return GeneratedSection(family: .dmarc) }
    let owner = try name("_dmarc")
    let stages = settings.stages
    let current = min(max(settings.stage, 1), stages.count)
    var notes: [String] = []
    var records: [ZoneRecord] = []
    for (index, stage) in stages.enumerated() {
      let text = try dmarcText(settings, policy: stage)
      guard index + 1 != current else {
        let comment = stages.count > 1 ? "stage \(current) of \(stages.count) of the rollout: p=\(stage.rawValue)" : nil
        records.append(record(owner, .txt, text, comment: comment))
        continue
      }
      let line = ZoneRecord(name: owner, type: .txt, ttl: config.ttl, value: text).bindLine
      let when =
        index + 1 < current
        ? "(done)" : "(--stage \(index + 1), once the aggregate reports show every legitimate sender aligned)"
      notes.append("stage \(index + 1) of \(stages.count) \(when): \(line)")
    }
    var external: [ZoneRecord] = []
    var seen = Set<String>()
    for uri in settings.aggregateReports + settings.failureReports {
      guard let host = uri.split(separator: "@").last.map({ String($0).lowercased() }),
        let reportDomain = try? DNSName(host), !reportDomain.isSubdomain(of: config.domain), seen.insert(host).inserted
      else { continue }
      let authorization = try DNSName.joined("\(config.domain)._report._dmarc", reportDomain)
      external.append(
        record(
          authorization, .txt, DMARCRecord().rendered,
          comment: "ask the operator of \(host) to publish this, or reports to \(uri) are not sent"))
    }
    return GeneratedSection(family: .dmarc, records: records, external: external, notes: notes)
  }

  private func dmarcText(_ settings: GenerateConfig.DMARC, policy: DMARCPolicy) throws(GenerateError) -> String {
    var dmarc = DMARCRecord()
    dmarc.requestedPolicy = policy
    dmarc.aggregateReportURIs = settings.aggregateReports.map { DMARCReportURI(uri: $0) }
    dmarc.failureReportURIs = settings.failureReports.map { DMARCReportURI(uri: $0) }
    if !settings.failureReports.isEmpty { dmarc.requestedFailureOptions = [.anyFail] }
    let text = dmarc.rendered
    do { _ = try DMARCRecord.parse(text) } catch {
      throw GenerateError(.invalidRecord, "generated DMARC does not parse: \(error)")
    }
    return text
  }

  /// `_mta-sts` with an `id` derived from the policy's SHA-256, the `mta-sts` host, and the policy file.
  func mtaSTSSection(_ sts: GenerateConfig.MTASTS) throws(GenerateError) -> (GeneratedSection, GeneratedFile) {
    let policy = MTASTSPolicy(mode: sts.mode, maxAge: sts.maxAge, mx: config.effectiveMX.map(\.host))
    let content = policy.rendered
    let digest = SHA256.hash(data: Data(content.utf8)).map { String(format: "%02x", $0) }.joined()
    let id = String(digest.prefix(20))
    let text = MTASTSRecord(id: id).rendered
    do { _ = try MTASTSRecord.parse(text) } catch {
      throw GenerateError(.invalidRecord, "generated MTA-STS record does not parse: \(error)")
    }
    var records = [
      record(try name("_mta-sts"), .txt, text, comment: "id is the first 20 hex digits of the policy's SHA-256")
    ]
    var notes: [String] = []
    if let host = sts.host {
      records.append(record(try name("mta-sts"), .cname, host + "."))
    } else {
      notes.append("Point mta-sts.\(config.domain) at an HTTPS server with a valid certificate for that name.")
    }
    if config.tlsReports.isEmpty {
      notes.append("Add tls-rpt: without TLS-RPT reports, nobody tells you when senders fail the policy.")
    }
    let url = "https://mta-sts.\(config.domain)/.well-known/mta-sts.txt"
    notes.append("Serve the policy file at \(url) (text/plain); publish it before the TXT record.")
    return (
      GeneratedSection(family: .mtaSTS, records: records, notes: notes), GeneratedFile(url: url, content: content)
    )
  }

  /// `_smtp._tls` (RFC 8460 §3).
  func tlsRPTSection() throws(GenerateError) -> GeneratedSection {
    let text = TLSRPTRecord(reportURIs: config.tlsReports).rendered
    do { _ = try TLSRPTRecord.parse(text) } catch {
      throw GenerateError(.invalidRecord, "generated TLS-RPT record does not parse: \(error)")
    }
    return GeneratedSection(family: .tlsRPT, records: [record(try name("_smtp._tls"), .txt, text)])
  }

  /// `default._bimi`.
  func bimiSection() throws(GenerateError) -> GeneratedSection {
    guard let logo = config.bimiLogo else { return GeneratedSection(family: .bimi) }
    let text = BIMIRecord(location: logo, evidence: config.bimiEvidence).rendered
    do { _ = try BIMIRecord.parse(text) } catch {
      throw GenerateError(.invalidRecord, "generated BIMI record does not parse: \(error)")
    }
    let bimi = record(try name("default._bimi"), .txt, text)
    // Receivers ignore BIMI unless DMARC enforces: hold the record back until the rollout gets there.
    guard let policy = config.dmarc?.currentPolicy, policy != .none else {
      let line = ZoneRecord(name: bimi.name, type: .txt, ttl: bimi.ttl, value: text).bindLine
      return GeneratedSection(
        family: .bimi, notes: ["publish once DMARC is at quarantine or reject (BIMI needs enforcement): \(line)"])
    }
    return GeneratedSection(family: .bimi, records: [bimi])
  }

  /// Null MX (RFC 7505), `v=spf1 -all` and `p=reject` for every parked name.
  func parkedSection() throws(GenerateError) -> GeneratedSection {
    var records: [ZoneRecord] = []
    let spf = try SPFText.record(["-all"])
    var dmarc = DMARCRecord()
    dmarc.requestedPolicy = .reject
    for parked in config.parked {
      records.append(record(parked, .mx, "0 .", comment: "\(parked) sends and receives no mail"))
      records.append(record(parked, .txt, spf))
      records.append(record(try DNSName.joined("_dmarc", parked), .txt, dmarc.rendered))
    }
    return GeneratedSection(family: .parked, records: records)
  }
}

extension DNSName {
  /// `prefix.name`, as a generator error when too long.
  static func joined(_ prefix: String, _ name: DNSName) throws(GenerateError) -> DNSName {
    do { return try DNSName("\(prefix).\(name)") } catch {
      throw GenerateError(.invalidRecord, "\(prefix).\(name) is not a valid name: \(error)")
    }
  }
}
