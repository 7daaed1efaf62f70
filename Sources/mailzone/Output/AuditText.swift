import MailZoneAudit

/// The human report: a headline per domain, findings grouped by record family, each with its
/// record (the offending term marked) and the fix to paste.
struct AuditText {
  let style: Style

  func render(_ report: AuditReport) -> String {
    var out = headline(report) + "\n"
    let families = Dictionary(grouping: report.findings) { family(of: $0) }
    for family in CheckFamily.allCases {
      guard let findings = families[family], !findings.isEmpty else { continue }
      out += "  " + style.bold(AuditText.title(family)) + "\n"
      for finding in findings { out += render(finding) }
    }
    if report.findings.isEmpty { out += "  " + style.green("no findings") + "\n" }
    return out + "\n"
  }

  /// A line of the domain list that names no domain: its one finding.
  func renderMalformed(field: String, findings: [Finding]) -> String {
    var out = "\(style.red("✗")) \(style.bold(field))  not a domain name\n"
    for finding in findings { out += render(finding) }
    return out + "\n"
  }

  /// `3 domains: 2 error, 1 warning, 0 info, 1 incomplete` from running totals.
  func summary(domains: Int, findings: [Severity: Int], incomplete: Int) -> String {
    let counts = Severity.allCases.reversed().map { "\(findings[$0, default: 0]) \($0.rawValue)" }
    return "\(domains) domains: " + counts.joined(separator: ", ")
      + (incomplete > 0 ? ", \(incomplete) incomplete" : "")
  }

  private func headline(_ report: AuditReport) -> String {
    let counts = Severity.allCases.reversed().compactMap { severity -> String? in
      let n = report.findings.filter { $0.severity == severity }.count
      return n == 0 ? nil : "\(n) \(severity.rawValue)\(n == 1 || severity == .info ? "" : "s")"
    }
    let mark: String
    switch report.worstSeverity {
    case .error?: mark = style.red("✗")
    case .warning?: mark = style.yellow("!")
    default: mark = style.green("✓")
    }
    let (seconds, attoseconds) = report.elapsed.components
    let milliseconds = Int((Double(seconds) * 1000 + Double(attoseconds) / 1e15).rounded())
    var line = "\(mark) \(style.bold(report.domain.description))  "
    line += counts.isEmpty ? "clean" : counts.joined(separator: ", ")
    if !report.isComplete { line += ", " + style.yellow("incomplete") }
    return line + style.dim("  (\(report.queries) queries, \(milliseconds) ms)")
  }

  private func render(_ finding: Finding) -> String {
    let label: String
    switch finding.severity {
    case .error: label = style.red("error  ")
    case .warning: label = style.yellow("warning")
    case .info: label = style.cyan("info   ")
    }
    var out = "    \(label) \(finding.message)\n"
    let pad = "            "
    out +=
      pad + style.dim("\(finding.checkID) · \(finding.subject) · \(finding.references.joined(separator: ", "))") + "\n"
    if let record = finding.record {
      out += pad + record + "\n"
      if let offset = finding.offset, offset >= 0, offset <= record.utf8.count {
        let prefix = String(decoding: record.utf8.prefix(offset), as: UTF8.self)
        out += pad + String(repeating: " ", count: prefix.count) + style.red("^") + "\n"
      }
    }
    if let fix = finding.fix {
      for (index, line) in fix.split(separator: "\n").enumerated() {
        out += pad + (index == 0 ? style.green("fix: ") : "     ") + line + "\n"
      }
    }
    return out
  }

  private func family(of finding: Finding) -> CheckFamily {
    CheckRegistry.description(id: finding.checkID)?.family ?? .dns
  }

  static func title(_ family: CheckFamily) -> String {
    switch family {
    case .dns: return "DNS"
    case .spf: return "SPF"
    case .dmarc: return "DMARC"
    case .dkim: return "DKIM"
    case .mx: return "MX"
    case .mtaSTS: return "MTA-STS"
    case .tlsRPT: return "TLS-RPT"
    case .bimi: return "BIMI"
    case .domain: return "Domain"
    case .input: return "Input"
    case .zone: return "Zone file"
    }
  }
}
