import MailZoneAudit
import MailZoneDNS

/// `mailzone diff` output: `git diff`-style record lines per domain, then the facts before → after.
struct DiffReport {
  let domains: [DomainDiff]

  var hasChanges: Bool { domains.contains(where: \.hasChanges) }
  var isComplete: Bool { domains.allSatisfy(\.isComplete) }

  // MARK: text

  func text(style: Style) -> String {
    var out = ""
    for diff in domains {
      out += style.bold(diff.domain.description) + (diff.hasChanges ? "" : ": no mail-authentication change") + "\n"
      for change in diff.records { out += "  " + line(change, style: style) + "\n" }
      for fact in diff.facts { out += "  " + DiffReport.line(fact) + "\n" }
      for finding in diff.newFindings {
        out += "  " + style.red("new \(finding.severity.rawValue) \(finding.checkID)") + ": \(finding.message)\n"
      }
      for finding in diff.goneFindings {
        out += "  " + style.green("gone \(finding.severity.rawValue) \(finding.checkID)") + ": \(finding.message)\n"
      }
      for failure in diff.failures {
        out += "  " + style.yellow("incomplete") + ": \(failure.name) \(failure.type) \(failure.status)\n"
      }
    }
    let changed = domains.filter(\.hasChanges).count
    out += "\(domains.count) domain\(domains.count == 1 ? "" : "s"), \(changed) with changes"
    out += isComplete ? "\n" : "; incomplete: some live lookups failed\n"
    return out
  }

  private func line(_ change: RecordChange, style: Style) -> String {
    let owner = "\(change.name) \(change.type)"
    switch change.kind {
    case .added: return style.green("+ \(owner) \(DiffReport.shown(change.after))")
    case .removed: return style.red("- \(owner) \(DiffReport.shown(change.before))")
    case .changed:
      return style.yellow("~ \(owner) \(DiffReport.shown(change.before)) → \(DiffReport.shown(change.after))")
    case .resplit:
      return style.dim(
        "= \(owner) re-split only, \(change.before ?? "") → \(change.after ?? ""); same content, harmless")
    }
  }

  /// Record data for a text line: TXT quoted; long data shortened in the middle.
  static func shown(_ data: String?) -> String {
    guard let data else { return "" }
    let limit = 100
    guard data.count > limit else { return "\"\(data)\"" }
    return "\"\(data.prefix(60))…\(data.suffix(24))\" (\(data.utf8.count) bytes)"
  }

  static let labels: [String: String] = [
    "spf.lookups": "SPF lookups", "spf.void_lookups": "SPF void lookups", "spf.valid": "SPF valid",
    "dmarc.p": "DMARC p", "dmarc.sp": "DMARC sp", "dmarc.pct": "DMARC pct", "dmarc.rua": "DMARC rua",
    "dkim.selectors": "DKIM selectors", "mx.hosts": "MX hosts", "mta_sts.id": "MTA-STS id",
  ]

  /// `SPF lookups 7 → 11 (over the limit of 10)`.
  static func line(_ fact: FactChange) -> String {
    var label = labels[fact.fact] ?? fact.fact
    if fact.fact.hasPrefix("dkim."), fact.fact.hasSuffix(".key_bits") {
      label = "DKIM \(fact.fact.dropFirst(5).dropLast(9)) key bits"
    }
    var text = "\(label) \(value(fact.before)) → \(value(fact.after))"
    if fact.fact == "spf.lookups", case .int(let after) = fact.after, after > 10 { text += " (over the limit of 10)" }
    if fact.fact == "spf.void_lookups", case .int(let after) = fact.after, after > 2 {
      text += " (over the limit of 2)"
    }
    return text
  }

  static func value(_ value: JSONValue) -> String {
    switch value {
    case .null: return "none"
    case .bool(let b): return b ? "yes" : "no"
    case .int(let i): return String(i)
    case .double(let d): return String(d)
    case .string(let s): return s
    case .array(let items): return items.isEmpty ? "none" : items.map(Self.value).joined(separator: ", ")
    case .object: return value.serialized()
    }
  }

  // MARK: JSON

  func json() -> JSONValue {
    .object([
      ("version", .int(1)),
      ("changed", .bool(hasChanges)),
      ("complete", .bool(isComplete)),
      ("domains", .array(domains.map(DiffReport.json))),
    ])
  }

  private static func json(_ diff: DomainDiff) -> JSONValue {
    .object([
      ("domain", .string(diff.domain.description)),
      ("changed", .bool(diff.hasChanges)),
      ("complete", .bool(diff.isComplete)),
      (
        "records",
        .array(
          diff.records.map { change in
            .object([
              ("change", .string(change.kind.rawValue)),
              ("name", .string(change.name.description)),
              ("type", .string(change.type.description)),
              ("before", .optional(change.before) { .string($0) }),
              ("after", .optional(change.after) { .string($0) }),
            ])
          })
      ),
      (
        "facts",
        .array(diff.facts.map { .object([("fact", .string($0.fact)), ("before", $0.before), ("after", $0.after)]) })
      ),
      ("new_findings", .array(diff.newFindings.map(json))),
      ("gone_findings", .array(diff.goneFindings.map(json))),
      (
        "failures",
        .array(
          diff.failures.map {
            .object([
              ("name", .string($0.name.description)), ("type", .string($0.type.description)),
              ("status", .string($0.status.description)),
            ])
          })
      ),
    ])
  }

  private static func json(_ finding: Finding) -> JSONValue {
    .object([
      ("check", .string(finding.checkID)),
      ("severity", .string(finding.severity.rawValue)),
      ("subject", .string(finding.subject)),
      ("message", .string(finding.message)),
    ])
  }
}
