public import MailZoneDNS
import Synchronization

/// `mailzone check`'s engine: zone-file hygiene for every file, then an audit of every mail name
/// in them as DNS will answer once the files are deployed (names inside the files from the files,
/// the rest from `upstream`, or unknown without one), each finding placed in the files.
public struct ZoneCheckRunner: Sendable {
  public let sources: [ZoneSource]
  public let upstream: (any Resolver)?
  public let extraDomains: [DNSName]
  /// Zones that answer questions but are neither checked nor audited (a provider's zone).
  public let answerZones: [ZoneFile]
  public let options: AuditOptions

  public init(
    sources: [ZoneSource], upstream: (any Resolver)?, extraDomains: [DNSName] = [], answerZones: [ZoneFile] = [],
    options: AuditOptions
  ) {
    self.sources = sources
    self.upstream = upstream
    self.extraDomains = extraDomains
    self.answerZones = answerZones
    self.options = options
  }

  public func run() async -> ZoneCheckResult {
    let hygiene: [(Finding, DNSName?)] = sources.flatMap { source in
      CheckRegistry.zoneChecks.flatMap { $0.evaluate(source) }.map { ($0, nil) }
    }
    let files = sources.compactMap(\.file)
    let names = MailNameDiscovery.names(in: files, extra: extraDomains)
    let zones = ZoneFileResolver(files: files + answerZones)
    let recorder = UnknownRecorder(upstream: ZoneFirstResolver(zones: zones, upstream: upstream))
    let (audited, incomplete) = await audit(names, cache: CachingResolver(upstream: recorder))
    let suppressions = Dictionary(
      sources.map { ($0.path, Suppressions(lines: $0.lines)) }, uniquingKeysWith: { first, _ in first })
    let checked = ordered(hygiene + audited).map { finding, domain in
      let location = finding.location
      return CheckedFinding(
        finding: finding, domain: domain,
        suppressed: location.map { suppressions[$0.file]?.suppresses(finding.checkID, line: $0.line) ?? false } ?? false
      )
    }
    return ZoneCheckResult(
      sources: sources, audited: names.map(\.domain), findings: checked, incompleteDomains: incomplete,
      unreadable: sources.filter { $0.file == nil }.map(\.path), unknownLookups: recorder.unknown)
  }

  /// Audits each name in turn (so the order of findings never depends on timing) and locates
  /// its findings; also returns the names whose audit was incomplete.
  private func audit(_ names: [MailName], cache: CachingResolver) async -> ([(Finding, DNSName?)], [DNSName]) {
    let locator = FindingLocator(sources: sources)
    var findings: [(Finding, DNSName?)] = []
    var incomplete: [DNSName] = []
    for name in names {
      var options = self.options
      options.selectors = (options.selectors + name.selectors).reduce(into: []) {
        if !$0.contains($1) { $0.append($1) }
      }
      let report = await AuditRunner(cache: cache, options: options).audit(name.domain)
      if !report.isComplete { incomplete.append(name.domain) }
      for var finding in report.findings {
        finding.location = locator.locate(finding, domain: name.domain)
        findings.append((finding, name.domain))
      }
    }
    return (findings, incomplete)
  }

  /// Without duplicates (one record's finding seen from several audited names), in file order,
  /// then line and column, unlocated last. The sort is stable: findings at one place keep
  /// hygiene-then-audit, severity-then-check order.
  private func ordered(_ findings: [(Finding, DNSName?)]) -> [(Finding, DNSName?)] {
    var seen: Set<DedupKey> = []
    let unique = findings.filter { seen.insert(DedupKey($0.0)).inserted }
    let fileIndex = Dictionary(sources.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
    func key(_ finding: Finding) -> (Int, Int, Int) {
      guard let location = finding.location else { return (Int.max, 0, 0) }
      return (fileIndex[location.file] ?? Int.max - 1, location.line, location.column)
    }
    return unique.enumerated().sorted { lhs, rhs in
      let (a, b) = (key(lhs.element.0), key(rhs.element.0))
      return a != b ? a < b : lhs.offset < rhs.offset
    }.map(\.element)
  }

  private struct DedupKey: Hashable {
    var id: String
    var location: SourceLocation?
    var subject: String
    var message: String
    init(_ finding: Finding) {
      id = finding.checkID
      location = finding.location
      subject = finding.subject
      message = finding.message
    }
  }
}

/// A finding with what `mailzone check` decided about it.
public struct CheckedFinding: Sendable, Hashable {
  public var finding: Finding
  /// The audited name that produced it; nil for zone-file hygiene findings.
  public var domain: DNSName?
  /// Disabled by a `; mailzone-disable` comment.
  public var suppressed: Bool
  /// Accepted by the `--baseline` file (set by the caller).
  public var inBaseline: Bool = false

  public init(finding: Finding, domain: DNSName?, suppressed: Bool, inBaseline: Bool = false) {
    self.finding = finding
    self.domain = domain
    self.suppressed = suppressed
    self.inBaseline = inBaseline
  }

  /// Neither suppressed nor in the baseline: it counts for the exit status.
  public var isActive: Bool { !suppressed && !inBaseline }
}

/// What `mailzone check` found.
public struct ZoneCheckResult: Sendable {
  public var sources: [ZoneSource]
  /// The mail names audited, in discovery order.
  public var audited: [DNSName]
  /// Every finding, hygiene first (file order), then each audited name's.
  public var findings: [CheckedFinding]
  /// Names whose audit had failed live queries (exit 2).
  public var incompleteDomains: [DNSName]
  /// Files that yielded no zone at all (unreadable, no apex): their audit is incomplete.
  public var unreadable: [String]
  /// Questions about names outside the zone files that were left unanswered (`--offline`).
  public var unknownLookups: [String]

  /// Marks the findings `baseline` accepts.
  public mutating func apply(_ baseline: Baseline) {
    let candidates = findings.indices.filter { !findings[$0].suppressed }
    let matched = baseline.matches(candidates.map { findings[$0].finding })
    for (index, accepted) in zip(candidates, matched) where accepted { findings[index].inBaseline = true }
  }
}

/// Forwards questions and notes the ones answered `outsideZones` (unknown offline).
final class UnknownRecorder: Resolver {
  let upstream: any Resolver
  private let names = Mutex<Set<String>>([])

  init(upstream: any Resolver) { self.upstream = upstream }

  func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    let response = await upstream.query(name, type)
    if response.failure == .outsideZones { names.withLock { _ = $0.insert("\(name) \(type)") } }
    return response
  }

  /// Sorted, so offline runs print the same list every time.
  var unknown: [String] { names.withLock { $0.sorted() } }
}
