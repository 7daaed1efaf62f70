import MailZoneAudit
import MailZoneDNS
import MailZoneRecords

extension AuditJSON {
  /// The facts come from the snapshot's lookup tree; null where the TXT query failed or, for the
  /// counts, where there is not exactly one record.
  static func spf(_ snapshot: DomainSnapshot) -> JSONValue {
    let spf = snapshot.spf
    return .object([
      ("exists", .optional(spf.exists) { .bool($0) }),
      ("records", .optional(spf.recordCount) { .int($0) }),
      ("record", .optional(spf.record) { .string($0) }),
      ("strings", .optional(spf.strings) { .int($0) }),
      ("length", .optional(spf.length) { .int($0) }),
      ("lookups", .optional(spf.lookups) { .int($0) }),
      ("void_lookups", .optional(spf.voidLookups) { .int($0) }),
      ("void_lookups_ip_dependent", .optional(spf.voidLookupsIPDependent) { .int($0) }),
      ("all", .optional(spf.all) { .string($0) }),
      ("includes", .optional(spf.includes) { .array($0.map { .string($0) }) }),
      ("valid", .optional(spf.valid) { .bool($0) }),
    ])
  }

  /// `p` is the policy as written (an invalid value shows what is there; `effective_p` is what a
  /// receiver applies); `sp` and `np` are the policies applied to subdomains and non-existent
  /// subdomains, defaulting to p and sp (RFC 7489 §6.3, RFC 9989 §4.7), as the contract's example shows.
  static func dmarc(_ snapshot: DomainSnapshot) -> JSONValue {
    let dmarc = snapshot.dmarc
    return .object([
      ("exists", .bool(dmarc.exists)),
      ("records", .int(dmarc.recordCount)),
      ("record", .optional(dmarc.recordText) { .string($0) }),
      ("location", .optional(dmarc.location) { .string($0.description) }),
      ("via_cname", .bool(dmarc.viaCNAME)),
      ("p", .optional(dmarc.policyTag) { .string($0) }),
      ("sp", .optional(dmarc.record == nil ? nil : dmarc.subdomainPolicy) { .string($0.rawValue) }),
      ("np", .optional(dmarc.record == nil ? nil : dmarc.nonexistentPolicy) { .string($0.rawValue) }),
      ("effective_p", .optional(dmarc.effectivePolicy) { .string($0.rawValue) }),
      ("pct", .optional(dmarc.percent) { .int($0) }),
      ("adkim", .optional(dmarc.dkimAlignment) { .string($0.rawValue) }),
      ("aspf", .optional(dmarc.spfAlignment) { .string($0.rawValue) }),
      ("rua", .array(dmarc.aggregateReportURIs.map { .string($0.uri) })),
      ("ruf", .array(dmarc.failureReportURIs.map { .string($0.uri) })),
      (
        "external",
        .array(
          dmarc.externalDestinations.map { destination in
            .object([
              ("uri", .string(destination.uri.uri)),
              ("domain", .string(destination.domain.description)),
              ("authorized", .optional(destination.authorized) { .bool($0) }),
            ])
          })
      ),
      ("org_domain_tree_walk", .string(dmarc.organizationalDomainTreeWalk.description)),
      ("org_domain_psl", .optional(dmarc.organizationalDomainPSL) { .string($0.description) }),
      ("valid", .optional(dmarc.valid) { .bool($0) }),
    ])
  }

  static func dkim(_ snapshot: DomainSnapshot) -> JSONValue {
    .array(
      snapshot.dkim.keys.map { key in
        .object([
          ("selector", .string(key.selector)),
          ("found_by", .string(key.origin.rawValue)),
          ("key_type", .string(key.keyType)),
          ("key_bits", .optional(key.keyBits) { .int($0) }),
          ("revoked", .bool(key.isRevoked)),
          ("testing", .bool(key.isTesting)),
          ("via_cname", .bool(key.viaCNAME)),
          ("valid", .bool(key.isValid)),
        ])
      })
  }
}
