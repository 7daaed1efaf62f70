import MailZoneAudit
import MailZoneDNS

/// `mailzone check --format junit`: one testsuite per zone file; in it one testcase per zone
/// check for the file and one per DNS check for each mail name the file holds. A new finding is
/// a failure; a suppressed or baselined one alone makes the testcase skipped.
enum CheckJUnit {
  struct Case {
    var classname: String
    var name: String
    var findings: [CheckedFinding] = []
  }

  static func render(_ result: ZoneCheckResult) -> String {
    let dnsChecks = CheckRegistry.all.map { type(of: $0).description.id }
    let zoneChecks = CheckRegistry.zoneChecks.map { type(of: $0).description.id }
    var suites: [(name: String, cases: [Case])] = result.sources.map { source in
      (source.path, zoneChecks.map { Case(classname: $0, name: source.path) })
    }
    var others: [Case] = []
    let locator = FindingLocator(sources: result.sources)
    for domain in result.audited {
      let cases = dnsChecks.map { Case(classname: $0, name: domain.description) }
      if let path = locator.zone(holding: domain)?.path, let index = suites.firstIndex(where: { $0.name == path }) {
        suites[index].cases += cases
      } else {
        others += cases
      }
    }
    if !others.isEmpty { suites.append(("other names", others)) }
    for checked in result.findings {
      let name = checked.domain?.description ?? checked.finding.location?.file ?? ""
      for suite in suites.indices {
        if let index = suites[suite].cases.firstIndex(where: {
          $0.classname == checked.finding.checkID && $0.name == name
        }) {
          suites[suite].cases[index].findings.append(checked)
          break
        }
      }
    }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    let failures = suites.flatMap(\.cases).filter { $0.findings.contains(where: \.isActive) }.count
    let total = suites.map(\.cases.count).reduce(0, +)
    out += "<testsuites name=\"mailzone check\" tests=\"\(total)\" failures=\"\(failures)\">\n"
    for suite in suites { out += render(suite.name, suite.cases) }
    return out + "</testsuites>\n"
  }

  private static func render(_ name: String, _ cases: [Case]) -> String {
    let failures = cases.filter { $0.findings.contains(where: \.isActive) }.count
    let skipped = cases.filter { !$0.findings.isEmpty && !$0.findings.contains(where: \.isActive) }.count
    var out = "  <testsuite name=\"\(escape(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\""
    out += " errors=\"0\" skipped=\"\(skipped)\">\n"
    for testcase in cases {
      out += "    <testcase classname=\"\(escape(testcase.classname))\" name=\"\(escape(testcase.name))\""
      let active = testcase.findings.filter(\.isActive)
      if testcase.findings.isEmpty {
        out += "/>\n"
        continue
      }
      out += ">\n"
      if active.isEmpty {
        out += "      <skipped message=\"suppressed or in the baseline\"/>\n"
      }
      for checked in active {
        let finding = checked.finding
        let place = finding.location.map { "\($0.file):\($0.line):\($0.column)" } ?? finding.subject
        out += "      <failure message=\"\(escape(finding.message))\" type=\"\(finding.severity.rawValue)\">"
        var body = "\(place): \(finding.severity.rawValue): \(finding.checkID): \(finding.message)"
        if let record = finding.record { body += "\nrecord: \(record)" }
        if let fix = finding.fix { body += "\nfix: \(fix)" }
        out += escape(body) + "</failure>\n"
      }
      out += "    </testcase>\n"
    }
    return out + "  </testsuite>\n"
  }

  /// XML 1.0 text and attribute escaping; control characters XML cannot hold become U+FFFD.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n": out += "&#10;"
      case "\t", "\r": out += "&#\(scalar.value);"
      default:
        out.unicodeScalars.append(
          scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF ? "\u{FFFD}" : scalar)
      }
    }
    return out
  }
}
