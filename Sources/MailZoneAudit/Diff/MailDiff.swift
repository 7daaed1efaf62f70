public import MailZoneDNS

/// What deploying zone files would change for one domain's mail authentication.
public struct DomainDiff: Sendable {
  public var domain: DNSName
  /// Record differences at the domain's mail-auth names, sorted by name then type.
  public var records: [RecordChange]
  /// Audited facts that differ (SPF lookups, DMARC policy, DKIM selectors, MX hosts, ...).
  public var facts: [FactChange]
  /// Findings at warning or above that deploying introduces.
  public var newFindings: [Finding]
  /// Findings at warning or above that deploying resolves.
  public var goneFindings: [Finding]
  /// Queries that got no conclusive answer, on either side: the comparison may miss something.
  public var failures: [QueryFailure]

  /// True when anything served or judged differs (a TXT re-split alone is not a change).
  public var hasChanges: Bool {
    records.contains(where: \.isChange) || !facts.isEmpty || !newFindings.isEmpty || !goneFindings.isEmpty
  }

  public var isComplete: Bool { failures.isEmpty }
}

/// Compares live DNS with the same DNS once zone files are deployed, for every mail-relevant
/// name in the files: record sets first, then both sides audited and their facts and findings.
public struct MailDiff: Sendable {
  public let files: [ZoneFile]
  public let live: CachingResolver
  public let options: AuditOptions

  /// - Parameters:
  ///   - live: the live resolver ("before"); the "after" side asks it for names outside the files.
  ///   - options: audit options for both sides; the zone files' own DKIM selectors are added.
  public init(files: [ZoneFile], live: CachingResolver, options: AuditOptions = AuditOptions()) {
    self.files = files
    self.live = live
    self.options = options
  }

  /// Diffs the domains the files publish mail records for, then `extraDomains`.
  public func run(extraDomains: [DNSName] = []) async -> [DomainDiff] {
    let plan = MailDiffPlan(files: files)
    var options = options
    for selector in plan.selectors where !options.selectors.contains(selector) { options.selectors.append(selector) }
    let zones = ZoneFirstResolver(zones: ZoneFileResolver(files: files), upstream: live)
    let after = CachingResolver(upstream: zones)
    let beforeRunner = AuditRunner(cache: live, options: options)
    let afterRunner = AuditRunner(cache: after, options: options)
    var domains = plan.domains
    for name in extraDomains where !domains.contains(name.lowercased) { domains.append(name.lowercased) }
    var diffs: [DomainDiff] = []
    for domain in domains {
      async let oldReport = beforeRunner.audit(domain)
      async let newReport = afterRunner.audit(domain)
      let reports = await (oldReport, newReport)
      var names = plan.names(for: domain, selectors: options.selectors)
      for report in [reports.0, reports.1] {
        for name in discoveredNames(report, zones: zones) where !names.contains(name) { names.append(name) }
      }
      var records: [RecordChange] = []
      var failures = reports.0.snapshot.failures + reports.1.snapshot.failures
      for name in names {
        let types: [RRType] = name == domain ? [.txt, .mx] : [.txt]
        let compared = await compare(name, types: types, spfOnly: plan.isSPFOnly(name), after: after)
        records += compared.changes
        failures += compared.failures
      }
      let oldFacts = MailFacts(reports.0)
      let newFacts = MailFacts(reports.1)
      let newKeys = newFacts.findings.keys.filter { oldFacts.findings[$0] == nil }.sorted()
      let goneKeys = oldFacts.findings.keys.filter { newFacts.findings[$0] == nil }.sorted()
      diffs.append(
        DomainDiff(
          domain: domain,
          records: records.sorted { ($0.name, $0.type.rawValue) < ($1.name, $1.type.rawValue) },
          facts: MailFacts.changes(from: oldFacts, to: newFacts),
          newFindings: newKeys.compactMap { newFacts.findings[$0] },
          goneFindings: goneKeys.compactMap { oldFacts.findings[$0] },
          failures: Array(Set(failures)).sorted { ($0.name, $0.type.rawValue) < ($1.name, $1.type.rawValue) }))
    }
    return diffs
  }

  /// DKIM selectors either side found, and SPF records its tree walked inside the files' zones:
  /// names the files may have dropped, so only live DNS still shows them.
  private func discoveredNames(_ report: AuditReport, zones: ZoneFirstResolver) -> [DNSName] {
    var names = report.snapshot.dkim.found.map { $0.answer.name.lowercased }
    for node in report.snapshot.spf.tree.nodes.dropFirst() where zones.servesFromZones(node.domain) {
      names.append(node.domain.lowercased)
    }
    return names
  }

  /// The TXT/MX/CNAME records at `name` on both sides, compared.
  private func compare(_ name: DNSName, types: [RRType], spfOnly: Bool, after: CachingResolver) async
    -> (changes: [RecordChange], failures: [QueryFailure])
  {
    var changes: [RecordChange] = []
    var failures: [QueryFailure] = []
    var cnames: (before: [ResourceRecord], after: [ResourceRecord]) = ([], [])
    for type in types {
      let old = await live.query(name, type)
      let new = await after.query(name, type)
      for response in [old, new] {
        if let status = Self.failure(response) { failures.append(QueryFailure(name: name, type: type, status: status)) }
      }
      var oldRecords = Self.records(old, at: name, type: type)
      var newRecords = Self.records(new, at: name, type: type)
      if spfOnly, type == .txt {
        oldRecords = oldRecords.filter(Self.isSPF)
        newRecords = newRecords.filter(Self.isSPF)
      }
      changes += RecordSetComparison.compare(name: name, type: type, before: oldRecords, after: newRecords)
      cnames.before += Self.records(old, at: name, type: .cname)
      cnames.after += Self.records(new, at: name, type: .cname)
    }
    changes += RecordSetComparison.compare(name: name, type: .cname, before: cnames.before, after: cnames.after)
    return (changes, failures)
  }

  private static func records(_ response: DNSResponse, at name: DNSName, type: RRType) -> [ResourceRecord] {
    response.answer.filter { $0.owner == name && $0.type == type }
  }

  private static func isSPF(_ record: ResourceRecord) -> Bool {
    if case .txt(let txt) = record.data { return RecordSetComparison.family(of: txt.text, at: record.owner) == "spf" }
    return false
  }

  /// The status of a reply that settles nothing (timeout, SERVFAIL, ...), nil for an answer,
  /// NODATA or NXDOMAIN.
  private static func failure(_ response: DNSResponse) -> DNSStatus? {
    if let failure = response.failure {
      switch failure {
      case .timeout: return .timeout
      case .error(let message): return .error(message)
      case .outsideZones: return nil
      }
    }
    switch response.rcode {
    case DNSResponse.noError, DNSResponse.nxDomain: return nil
    case DNSResponse.servFail: return .servFail
    case DNSResponse.refused: return .refused
    default: return .otherRcode(response.rcode)
    }
  }
}
