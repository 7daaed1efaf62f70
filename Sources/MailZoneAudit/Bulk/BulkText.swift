/// The progress line and the final summary of a bulk audit, as pure text.
public enum BulkText {
  /// `  312/1000 domains  48.2/s  ETA 14s  3 errors` (no total and no ETA when the total is
  /// unknown). `errors`: inputs that were malformed or whose audit was incomplete.
  public static func progress(done: Int, total: Int?, seconds: Double, errors: Int) -> String {
    let rate = seconds > 0 ? Double(done) / seconds : 0
    var line = "  " + (total.map { "\(done)/\(max($0, done))" } ?? "\(done)") + " domains"
    line += "  " + oneDecimal(rate) + "/s"
    if let total, rate > 0 {
      line += "  ETA " + duration(Double(max(0, total - done)) / rate)
    }
    if errors > 0 { line += "  \(errors) error\(errors == 1 ? "" : "s")" }
    return line
  }

  /// `14s`, `3m05s`, `2h07m`.
  public static func duration(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded(.up))
    if whole < 60 { return "\(whole)s" }
    if whole < 3600 { return "\(whole / 60)m" + twoDigits(whole % 60) + "s" }
    return "\(whole / 3600)h" + twoDigits(whole % 3600 / 60) + "m"
  }

  /// `1000 domains (3 malformed, 2 incomplete, 12 duplicates skipped, 40 resumed), findings:
  /// 120 error, 300 warning, 50 info; 48,800 queries (12 timed out), 2.1 s`. Zero counts in the
  /// parentheses are left out; `timeouts` is nil when no live resolver ran; `backoffs` (times a
  /// nameserver's window was halved) is shown when there were any.
  public static func summary(
    counts: BulkAudit.Counts, incomplete: Int, severities: [Severity: Int], queries: Int, timeouts: Int?,
    backoffs: Int = 0, seconds: Double
  ) -> String {
    let notes = [
      (counts.malformed, "malformed"), (incomplete, "incomplete"),
      (counts.duplicates, counts.duplicates == 1 ? "duplicate skipped" : "duplicates skipped"),
      (counts.resumed, "resumed"),
    ].filter { $0.0 > 0 }.map { "\(grouped($0.0)) \($0.1)" }
    let domains = counts.audited + counts.malformed
    var out = "\(grouped(domains)) " + (domains == 1 ? "domain" : "domains")
    if !notes.isEmpty { out += " (" + notes.joined(separator: ", ") + ")" }
    out +=
      ", findings: "
      + Severity.allCases.reversed().map { "\(grouped(severities[$0, default: 0])) \($0.rawValue)" }
      .joined(separator: ", ")
    out += "; \(grouped(queries)) " + (queries == 1 ? "query" : "queries")
    if let timeouts {
      out += " (\(grouped(timeouts)) timed out" + (backoffs > 0 ? ", \(grouped(backoffs)) back-offs)" : ")")
    }
    return out + ", " + oneDecimal(seconds) + " s"
  }

  /// `48,800`.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
      if index > 0, (digits.count - index) % 3 == 0 { out += "," }
      out.append(digit)
    }
    return (value < 0 ? "-" : "") + out
  }

  public static func oneDecimal(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
  }

  public static func seconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) + Double(attoseconds) / 1e18
  }

  private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
