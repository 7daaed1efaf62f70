import MailZoneAudit

/// `mailzone check --format github`: GitHub Actions workflow commands, one annotation per new
/// finding (`::error file=F,line=L,col=C,title=ID::message`), then the summary as a notice.
enum CheckGitHub {
  static func render(_ result: ZoneCheckResult, offline: Bool) -> String {
    var out = ""
    for checked in result.findings where checked.isActive {
      let finding = checked.finding
      var properties: [String] = []
      if let location = finding.location {
        properties += ["file=\(property(location.file))", "line=\(location.line)", "col=\(location.column)"]
      }
      properties.append("title=\(property(finding.checkID))")
      var message = finding.message
      if finding.location == nil, let domain = checked.domain { message = "\(domain): " + message }
      if let fix = finding.fix { message += "\nfix: " + fix }
      out += "::\(command(finding.severity)) \(properties.joined(separator: ","))::\(data(message))\n"
    }
    let summary = CheckText(style: Style(enabled: false), offline: offline).summary(result)
    out += "::notice title=mailzone check::\(data(summary.hasSuffix("\n") ? String(summary.dropLast()) : summary))\n"
    return out
  }

  static func command(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "notice"
    }
  }

  /// Message escaping of the workflow-command format.
  static func data(_ text: String) -> String {
    text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
  }

  /// Property values also escape `:` and `,`, which delimit properties.
  static func property(_ text: String) -> String {
    data(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
  }
}

extension String {
  /// Every occurrence of the scalar `target` replaced (scalars, so "\r\n" is two of them).
  func replacingAll(_ target: Unicode.Scalar, _ replacement: String) -> String {
    var out = ""
    for scalar in unicodeScalars {
      if scalar == target { out += replacement } else { out.unicodeScalars.append(scalar) }
    }
    return out
  }
}
