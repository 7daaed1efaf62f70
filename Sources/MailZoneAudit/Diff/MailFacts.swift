import MailZoneDNS
import MailZoneRecords

/// What one side of a diff (live DNS, or the zone files over it) says about a domain's mail
/// authentication, read from its audit: the values a reviewer compares before → after.
struct MailFacts: Sendable {
  /// Facts in display order, keyed by a stable id (`spf.lookups`, `dmarc.p`, ...).
  var values: [(key: String, value: JSONValue)]
  /// Findings at warning or above, by (check id, subject).
  var findings: [FindingKey: Finding]

  struct FindingKey: Hashable, Comparable {
    var checkID: String
    var subject: String
    static func < (lhs: FindingKey, rhs: FindingKey) -> Bool {
      (lhs.checkID, lhs.subject) < (rhs.checkID, rhs.subject)
    }
  }

  init(_ report: AuditReport) {
    let snapshot = report.snapshot
    var values: [(String, JSONValue)] = []
    let tree = snapshot.spf.tree
    values.append(("spf.lookups", .optional(tree.lookups) { .int($0) }))
    values.append(("spf.void_lookups", .optional(tree.voidLookups) { .int($0) }))
    values.append(("spf.valid", .optional(tree.valid) { .bool($0) }))
    let dmarc = snapshot.dmarc.reading?.record
    values.append(("dmarc.p", .optional(dmarc) { .string($0.policy.rawValue) }))
    values.append(("dmarc.sp", .optional(dmarc) { .string($0.subdomainPolicy.rawValue) }))
    values.append(("dmarc.pct", .optional(dmarc?.percent) { .int($0) }))
    values.append(("dmarc.rua", .optional(dmarc) { .array($0.aggregateReportURIs.map { .string($0.description) }) }))
    let keys = snapshot.dkim.keys
    let selectors = Set(keys.map(\.selector)).sorted()
    values.append(("dkim.selectors", .array(selectors.map { .string($0) })))
    for selector in selectors {
      let bits = keys.filter { $0.selector == selector }.compactMap(\.keyBits).sorted()
      values.append(("dkim.\(selector).key_bits", .array(bits.map { .int($0) })))
    }
    let hosts = snapshot.mx.hosts.sorted { ($0.preference, $0.exchange) < ($1.preference, $1.exchange) }
    values.append(("mx.hosts", .array(hosts.map { .string("\($0.preference) \($0.exchange.lowercased)") })))
    values.append(("mta_sts.id", .optional(snapshot.policies.mtaSTS.only) { .string($0.id) }))
    self.values = values
    var findings: [FindingKey: Finding] = [:]
    for finding in report.findings where finding.severity >= .warning {
      let key = FindingKey(checkID: finding.checkID, subject: finding.subject)
      if findings[key] == nil { findings[key] = finding }
    }
    self.findings = findings
  }

  /// Facts whose value differs; a key present on one side only (a DKIM selector's key size)
  /// counts as `null` on the other.
  static func changes(from before: MailFacts, to after: MailFacts) -> [FactChange] {
    var keys: [String] = []
    for key in before.values.map(\.key) + after.values.map(\.key) where !keys.contains(key) { keys.append(key) }
    let old = Dictionary(before.values, uniquingKeysWith: { first, _ in first })
    let new = Dictionary(after.values, uniquingKeysWith: { first, _ in first })
    return keys.compactMap { key in
      let from = old[key] ?? .null
      let to = new[key] ?? .null
      return from == to ? nil : FactChange(fact: key, before: from, after: to)
    }
  }
}

/// A fact that deploying the zone files changes.
public struct FactChange: Sendable, Equatable {
  /// Stable id: `spf.lookups`, `spf.void_lookups`, `spf.valid`, `dmarc.p`, `dmarc.sp`, `dmarc.pct`,
  /// `dmarc.rua`, `dkim.selectors`, `dkim.<selector>.key_bits`, `mx.hosts`, `mta_sts.id`.
  public var fact: String
  public var before: JSONValue
  public var after: JSONValue

  public init(fact: String, before: JSONValue, after: JSONValue) {
    self.fact = fact
    self.before = before
    self.after = after
  }
}
