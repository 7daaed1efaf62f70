import MailZoneAudit
import MailZoneDNS
import MailZoneRecords

/// The `mailzone.audit/1` object of ../shared/AUDIT-JSON.md: field names are a contract.
/// Absent facts are `null`, never missing keys; names are written without the final dot.
enum AuditJSON {
  static let schema = "mailzone.audit/1"

  static func object(_ outcome: AuditOutcome) -> JSONValue {
    switch outcome {
    case .audited(let report): return object(report)
    case .malformed(let field, let line, let findings): return malformed(field: field, line: line, findings: findings)
    }
  }

  /// A line of the domain list that names no domain: `domain` is its text as given, `status` is
  /// `malformed`, `line` its line number; every record family is null, nothing was queried.
  static func malformed(field: String, line: Int?, findings: [Finding]) -> JSONValue {
    .object([
      ("schema", .string(schema)),
      ("domain", .string(field)),
      ("status", .string("malformed")),
      ("line", .optional(line) { .int($0) }),
      ("spf", .null), ("dmarc", .null), ("dkim", .array([])), ("mx", .null),
      ("mta_sts", .null), ("tls_rpt", .null), ("bimi", .null),
      ("findings", .array(findings.map(finding))),
      ("queries", .int(0)),
      ("elapsed_ms", .int(0)),
    ])
  }

  static func object(_ report: AuditReport) -> JSONValue {
    let snapshot = report.snapshot
    let (seconds, attoseconds) = report.elapsed.components
    return .object([
      ("schema", .string(schema)),
      ("domain", .string(report.domain.description)),
      ("status", .string(report.isComplete ? "complete" : "incomplete")),
      ("spf", spf(snapshot)),
      ("dmarc", dmarc(snapshot)),
      ("dkim", dkim(snapshot)),
      ("mx", mx(snapshot.mx)),
      ("mta_sts", policy(snapshot.policies.mtaSTS)),
      ("tls_rpt", policy(snapshot.policies.tlsRPT)),
      ("bimi", policy(snapshot.policies.bimi)),
      ("findings", .array(report.findings.map(finding))),
      ("queries", .int(report.queries)),
      ("elapsed_ms", .int(Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000))),
    ])
  }

  static func finding(_ finding: Finding) -> JSONValue {
    .object([
      ("id", .string(finding.checkID)),
      ("severity", .string(finding.severity.rawValue)),
      ("subject", .string(finding.subject)),
      ("message", .string(finding.message)),
      ("record", .optional(finding.record) { .string($0) }),
      ("offset", .optional(finding.offset) { .int($0) }),
      ("references", .array(finding.references.map { .string($0) })),
      ("fix", .optional(finding.fix) { .string($0) }),
    ])
  }

  static func mx(_ mx: MXSnapshot) -> JSONValue {
    .object([
      ("null_mx", .bool(mx.nullMX)),
      ("implicit", .bool(mx.implicit)),
      (
        "hosts",
        .array(
          mx.hosts.map { host in
            .object([
              ("host", .string(host.exchange.description)),
              ("preference", .int(Int(host.preference))),
              ("cname", .bool(host.isCNAME)),
              ("exists", .optional(host.exists) { .bool($0) }),
              ("addresses", .array(host.addresses.map { .string($0.description) })),
              ("ptr_ok", .optional(host.ptrOK) { .bool($0) }),
            ])
          })
      ),
    ])
  }

  static func policy<R>(_ lookup: TXTKindLookup<R>) -> JSONValue {
    let record = lookup.records.count == 1 ? lookup.records.first : nil
    return .object([
      ("record", .optional(record) { .string($0.text) }),
      ("valid", lookup.records.isEmpty ? .null : .bool(lookup.only != nil)),
    ])
  }
}
