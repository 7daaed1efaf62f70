import ArgumentParser
import MailZoneAudit

/// `--fail-on`: the lowest severity that makes the command exit 1.
enum FailOn: String, ExpressibleByArgument, CaseIterable, Sendable {
  case error, warning, info, never

  /// True when `severity` is at or above the threshold.
  func fails(_ severity: Severity) -> Bool {
    switch self {
    case .never: return false
    case .error: return severity >= .error
    case .warning: return severity >= .warning
    case .info: return true
    }
  }
}
