import Foundation
import MailZoneAudit

/// SARIF 2.1.0: one run, rules from the check descriptions, one result per finding.
enum AuditSARIF {
  static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

  static let descriptions = CheckRegistry.descriptions
  static let ruleIndex = Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { ($1.id, $0) })

  /// One SARIF result per finding of one domain (or input line), for `document(results:)`.
  static func results(_ findings: [Finding], domain: String) -> [JSONValue] {
    findings.map { result($0, domain: domain, ruleIndex: ruleIndex[$0.checkID]) }
  }

  static func document(_ reports: [AuditReport]) -> JSONValue {
    let results = reports.flatMap { report in
      report.findings.map { result($0, domain: report.domain.description, ruleIndex: ruleIndex[$0.checkID]) }
    }
    return document(results: results)
  }

  /// `mailzone check`: results located in the zone files (`physicalLocation` relative to the
  /// checkout, `%SRCROOT%`), `suppressions` for inline-disabled ones, `baselineState` with a baseline.
  static func document(_ check: ZoneCheckResult, baselineGiven: Bool) -> JSONValue {
    let lines = Dictionary(check.sources.map { ($0.path, $0.lines) }, uniquingKeysWith: { first, _ in first })
    let results = check.findings.map { checked in
      var members = members(
        checked.finding, domain: checked.domain?.description, ruleIndex: ruleIndex[checked.finding.checkID])
      if var location = checked.finding.location {
        // SARIF columns count UTF-16 code units (its default columnKind); ours count bytes.
        if let text = lines[location.file]?.dropFirst(location.line - 1).first {
          location.column = String(decoding: text.utf8.prefix(location.column - 1), as: UTF8.self).utf16.count + 1
        }
        members[3] = ("locations", .array([physicalLocation(location, subject: checked.finding.subject)]))
      }
      // Stable across line moves, like the baseline, so code scanning keeps an alert's identity.
      let print = Fingerprint(checked.finding)
      let identity = Fingerprint.fnv1a([print.file, print.checkID, print.name, print.hash].joined(separator: "\u{1F}"))
      members.append(("partialFingerprints", .object([("mailzone/v1", .string(identity))])))
      if checked.suppressed {
        members.append(("suppressions", .array([.object([("kind", .string("inSource"))])])))
      }
      if baselineGiven { members.append(("baselineState", .string(checked.inBaseline ? "unchanged" : "new"))) }
      return JSONValue.object(members)
    }
    let artifacts = check.sources.map { source in
      JSONValue.object([("location", artifactLocation(source.path))])
    }
    // Names outside the zone files that were not looked up (--offline): unknown, not findings.
    let properties = JSONValue.object([("unknownLookups", .array(check.unknownLookups.map { .string($0) }))])
    return document(results: results, artifacts: artifacts, properties: properties)
  }

  private static func physicalLocation(_ location: SourceLocation, subject: String) -> JSONValue {
    var region: [(String, JSONValue)] = [("startLine", .int(location.line)), ("startColumn", .int(location.column))]
    if let end = location.endColumn { region.append(("endColumn", .int(end))) }
    return .object([
      (
        "physicalLocation",
        .object([("artifactLocation", artifactLocation(location.file)), ("region", .object(region))])
      ),
      ("logicalLocations", .array([.object([("name", .string(subject)), ("kind", .string("resource"))])])),
    ])
  }

  /// A relative path stays relative to `%SRCROOT%` (the checkout); an absolute one is a file: URI.
  private static func artifactLocation(_ path: String) -> JSONValue {
    let encoded = path.split(separator: "/", omittingEmptySubsequences: false).map { segment in
      segment.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/", "%"])) ?? String(segment)
    }.joined(separator: "/")
    if path.hasPrefix("/") { return .object([("uri", .string("file://" + encoded))]) }
    let relative = encoded.hasPrefix("./") ? String(encoded.dropFirst(2)) : encoded
    return .object([("uri", .string(relative)), ("uriBaseId", .string("%SRCROOT%"))])
  }

  static func document(
    results: [JSONValue], artifacts: [JSONValue]? = nil, properties: JSONValue? = nil
  ) -> JSONValue {
    var run: [(String, JSONValue)] = [
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
      )
    ]
    if let artifacts { run.append(("artifacts", .array(artifacts))) }
    run.append(("results", .array(results)))
    if let properties { run.append(("properties", properties)) }
    return .object([
      ("$schema", .string(schema)),
      ("version", .string("2.1.0")),
      ("runs", .array([.object(run)])),
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
    .object(members(finding, domain: domain, ruleIndex: ruleIndex))
  }

  private static func members(_ finding: Finding, domain: String?, ruleIndex: Int?) -> [(String, JSONValue)] {
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
                  ("name", .string(finding.subject)),
                  ("fullyQualifiedName", .string((domain ?? finding.location?.file ?? "") + "/" + finding.subject)),
                  ("kind", .string("resource")),
                ])
              ])
            )
          ])
        ])
      ),
    ]
    if let ruleIndex { members.append(("ruleIndex", .int(ruleIndex))) }
    var properties: [(String, JSONValue)] = []
    if let fix = finding.fix { properties.append(("fix", .string(fix))) }
    if let domain { properties.append(("domain", .string(domain))) }
    if !properties.isEmpty { members.append(("properties", .object(properties))) }
    return members
  }
}
