import MailZoneAudit
import MailZoneDNS
import MailZoneRecords

extension AuditJSON {
  static func spf(_ snapshot: DomainSnapshot) -> JSONValue {
    let spf = snapshot.spf
    let records = spf.records
    let only = records.count == 1 ? records.first : nil
    var record: SPFRecord?
    if case .found(let parsed, _) = spf.lookup { record = parsed }
    let all = record?.directives.last.flatMap { directive -> String? in
      guard case .all = directive.mechanism else { return nil }
      return directive.qualifier.rawValue + "all"
    }
    let includes = record?.directives.compactMap { directive -> JSONValue? in
      guard case .include(let spec) = directive.mechanism else { return nil }
      return .string(spec.rendered)
    }
    return .object([
      ("exists", .bool(!records.isEmpty)),
      ("records", .int(records.count)),
      ("record", .optional(only) { .string($0.text) }),
      ("strings", .optional(only) { .int($0.strings.count) }),
      ("length", .optional(only) { .int($0.joined.count) }),
      ("lookups", .null),
      ("void_lookups", .null),
      ("void_lookups_ip_dependent", .null),
      ("all", .optional(all) { .string($0) }),
      ("includes", .optional(includes) { .array($0) }),
      ("valid", records.isEmpty ? .null : .bool(record != nil)),
    ])
  }

  static func dmarc(_ snapshot: DomainSnapshot) -> JSONValue {
    let direct = snapshot.dmarc.direct
    let record = direct.only
    return .object([
      ("exists", .bool(!direct.records.isEmpty)),
      ("records", .int(direct.records.count)),
      ("record", .optional(direct.records.count == 1 ? direct.records.first : nil) { .string($0.text) }),
      ("location", direct.records.isEmpty ? .null : .string(direct.answer.name.description)),
      ("via_cname", .bool(!direct.answer.cnameChain.isEmpty)),
      ("p", .optional(record?.policy) { .string($0.rawValue) }),
      ("sp", .optional(record?.subdomainPolicy) { .string($0.rawValue) }),
      ("np", .optional(record?.nonexistentPolicy) { .string($0.rawValue) }),
      ("effective_p", .optional(record?.policy) { .string($0.rawValue) }),
      ("pct", .optional(record?.requestedPercent) { .int($0) }),
      ("adkim", .optional(record?.dkimAlignment) { .string($0.rawValue) }),
      ("aspf", .optional(record?.spfAlignment) { .string($0.rawValue) }),
      ("rua", .array((record?.aggregateReportURIs ?? []).map { .string($0.uri) })),
      ("ruf", .array((record?.failureReportURIs ?? []).map { .string($0.uri) })),
      ("external", .array([])),
      ("org_domain_tree_walk", .null),
      ("org_domain_psl", .null),
      ("valid", direct.records.isEmpty ? .null : .bool(record != nil)),
    ])
  }

  static func dkim(_ snapshot: DomainSnapshot) -> JSONValue {
    .array(
      snapshot.dkim.found.flatMap { selector in
        selector.keys.map { key in
          .object([
            ("selector", .string(selector.selector)),
            ("found_by", .string(selector.origin.rawValue)),
            ("key_type", .optional(key.record?.keyType) { .string($0.rawValue) }),
            ("key_bits", .optional(key.record?.keyBits) { .int($0) }),
            ("revoked", .optional(key.record?.isRevoked) { .bool($0) }),
            ("testing", .optional(key.record?.isTesting) { .bool($0) }),
            ("via_cname", .bool(!selector.answer.cnameChain.isEmpty)),
            ("valid", .bool(key.record != nil)),
          ])
        }
      })
  }
}
