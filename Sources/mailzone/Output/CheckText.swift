import MailZoneAudit

/// `mailzone check --format text`: compiler-style `file:line:col: severity: id: message`, the
/// source line with a caret, the fix, then a summary.
struct CheckText {
  let style: Style
  let offline: Bool

  func render(_ result: ZoneCheckResult) -> String {
    let lines = Dictionary(result.sources.map { ($0.path, $0.lines) }, uniquingKeysWith: { a, _ in a })
    var out = ""
    for checked in result.findings where checked.isActive {
      let finding = checked.finding
      let place =
        finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? checked.domain.map(\.description) ?? "-"
      out += "\(place): \(severity(finding.severity)): \(style.bold(finding.checkID)): \(finding.message)\n"
      if let location = finding.location, let text = lines[location.file]?.dropFirst(location.line - 1).first {
        let gutter = String(location.line)
        out += "  \(style.dim(gutter + " |")) \(text)\n"
        let pad = String(text.utf8.prefix(max(0, location.column - 1)).map { $0 == 9 ? "\t" : " " })
        out += "  \(String(repeating: " ", count: gutter.count)) \(style.dim("|")) \(pad)\(style.red("^"))\n"
      } else if let record = finding.record {
        out += "  \(finding.subject): \(record)\n"
      }
      if let fix = finding.fix {
        for (index, line) in fix.split(separator: "\n").enumerated() {
          out += "  " + (index == 0 ? style.green("fix: ") : "     ") + line + "\n"
        }
      }
    }
    out += summary(result)
    return out
  }

  private func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return style.red("error")
    case .warning: return style.yellow("warning")
    case .info: return style.cyan("info")
    }
  }

  func summary(_ result: ZoneCheckResult) -> String {
    let active = result.findings.filter(\.isActive)
    var parts = Severity.allCases.reversed().map { severity in
      let count = active.filter { $0.finding.severity == severity }.count
      return "\(count) \(severity.rawValue)\(count == 1 || severity == .info ? "" : "s")"
    }
    let suppressed = result.findings.filter(\.suppressed).count
    let baseline = result.findings.filter(\.inBaseline).count
    if suppressed > 0 { parts.append("\(suppressed) suppressed") }
    if baseline > 0 { parts.append("\(baseline) in baseline") }
    let files = result.sources.count
    var out =
      "\(parts.joined(separator: ", ")); \(result.audited.count) mail name\(result.audited.count == 1 ? "" : "s") "
      + "audited in \(files) zone file\(files == 1 ? "" : "s")\n"
    for path in result.unreadable { out += "incomplete: \(path) could not be loaded, its names were not audited\n" }
    for name in result.incompleteDomains { out += "incomplete: live lookups failed while auditing \(name)\n" }
    if !result.unknownLookups.isEmpty {
      let reason = offline ? "outside the zone files, --offline" : "outside the zone files"
      out += "unknown (\(reason)): \(result.unknownLookups.joined(separator: ", "))\n"
    }
    return out
  }
}
