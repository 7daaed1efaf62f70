import MailZoneAudit

/// `mailzone check --format json` (`mailzone.check/1`): the audit contract's finding objects plus
/// `location`, `suppressed` and `baseline`.
enum CheckJSON {
  static func document(_ result: ZoneCheckResult) -> JSONValue {
    let active = result.findings.filter(\.isActive)
    return .object([
      ("schema", .string("mailzone.check/1")),
      ("files", .array(result.sources.map { .string($0.path) })),
      ("audited", .array(result.audited.map { .string($0.description) })),
      ("status", .string(result.incompleteDomains.isEmpty && result.unreadable.isEmpty ? "complete" : "incomplete")),
      ("findings", .array(result.findings.map(finding))),
      ("unknown", .array(result.unknownLookups.map { .string($0) })),
      (
        "summary",
        .object(
          Severity.allCases.reversed().map { severity in
            (severity.rawValue, .int(active.filter { $0.finding.severity == severity }.count))
          } + [
            ("suppressed", .int(result.findings.filter(\.suppressed).count)),
            ("baseline", .int(result.findings.filter(\.inBaseline).count)),
          ])
      ),
    ])
  }

  private static func finding(_ checked: CheckedFinding) -> JSONValue {
    guard case .object(var members) = AuditJSON.finding(checked.finding) else { return .null }
    members.append(("domain", .optional(checked.domain) { .string($0.description) }))
    members.append(
      (
        "location",
        .optional(checked.finding.location) {
          .object([("file", .string($0.file)), ("line", .int($0.line)), ("column", .int($0.column))])
        }
      ))
    members.append(("suppressed", .bool(checked.suppressed)))
    members.append(("baseline", .bool(checked.inBaseline)))
    return .object(members)
  }
}
