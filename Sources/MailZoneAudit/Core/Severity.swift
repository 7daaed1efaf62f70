/// How much a finding matters. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
  /// Worth knowing; nothing is broken.
  case info
  /// Works today, but is weak, deprecated, or one change away from breaking.
  case warning
  /// Receivers will fail, reject or ignore something.
  case error

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
