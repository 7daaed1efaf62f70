import MailZoneAudit

/// SARIF 2.1.0: one run, rules from the check descriptions, one result per finding.
enum AuditSARIF {
  static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

  /// The rule index of each check id, for `results(_:domain:)`.
  static let ruleIndex = Dictionary(
    uniqueKeysWithValues: CheckRegistry.all.enumerated().map { (type(of: $1).description.id, $0) })

  /// One SARIF result per finding of one domain (or input line).
  static func results(_ findings: [Finding], domain: String) -> [JSONValue] {
    findings.map { result($0, domain: domain, ruleIndex: ruleIndex[$0.checkID]) }
  }

  static func document(results: [JSONValue]) -> JSONValue {
    let descriptions = CheckRegistry.all.map { type(of: $0).description }
    return .object([
      ("$schema", .string(schema)),
      ("version", .string("2.1.0")),
      (
        "runs",
        .array([
          .object([
            (
              "tool",
              .object([
                (
                  "driver",
                  .object([
                    ("name", .string("mailzone")),
                    ("version", .string(MailZoneCommand.version)),
                    ("informationUri", .string("https://www.rfc-editor.org/rfc/rfc7208")),
                    ("rules", .array(descriptions.map(rule))),
                  ])
                )
              ])
            ),
            ("results", .array(results)),
          ])
        ])
      ),
    ])
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "note"
    }
  }

  private static func rule(_ description: CheckDescription) -> JSONValue {
    .object([
      ("id", .string(description.id)),
      ("name", .string(description.title)),
      ("shortDescription", .object([("text", .string(description.summary))])),
      ("fullDescription", .object([("text", .string(description.rationale))])),
      ("help", .object([("text", .string(description.rationale)), ("markdown", .string(description.rationale))])),
      ("defaultConfiguration", .object([("level", .string(level(description.severity)))])),
      (
        "properties",
        .object([("tags", .array([.string(description.family.rawValue)] + description.references.map { .string($0) }))])
      ),
    ])
  }

  private static func result(_ finding: Finding, domain: String, ruleIndex: Int?) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("ruleId", .string(finding.checkID)),
      ("level", .string(level(finding.severity))),
      ("message", .object([("text", .string(finding.message))])),
      (
        "locations",
        .array([
          .object([
            (
              "logicalLocations",
              .array([
                .object([
                  ("name", .string(finding.subject)), ("fullyQualifiedName", .string(domain + "/" + finding.subject)),
                  ("kind", .string("resource")),
                ])
              ])
            )
          ])
        ])
      ),
    ]
    if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
    if let fix = finding.fix {
      members.append(("properties", .object([("fix", .string(fix)), ("domain", .string(domain))])))
    } else {
      members.append(("properties", .object([("domain", .string(domain))])))
    }
    return .object(members)
  }
}
