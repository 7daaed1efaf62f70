import MailZoneAudit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The progress line `mailzone audit` redraws on stderr, only when stderr is a terminal.
struct AuditProgress {
  private let enabled: Bool
  private let total: Int?
  private let clock = ContinuousClock()
  private let start: ContinuousClock.Instant
  private var lastDraw: ContinuousClock.Instant?
  private var drawn = false

  init(enabled: Bool, total: Int?) {
    self.enabled = enabled
    self.total = total
    start = clock.now
  }

  /// Redraws at most ten times a second.
  mutating func update(done: Int, errors: Int) {
    guard enabled else { return }
    let now = clock.now
    if let lastDraw, now - lastDraw < .milliseconds(100) { return }
    lastDraw = now
    let line = BulkText.progress(done: done, total: total, seconds: BulkText.seconds(now - start), errors: errors)
    FileHandleWriter.put("\r\u{1B}[K" + line, to: STDERR_FILENO)
    drawn = true
  }

  /// Removes the line, so the summary starts on a clean line.
  mutating func clear() {
    guard enabled, drawn else { return }
    FileHandleWriter.put("\r\u{1B}[K", to: STDERR_FILENO)
    drawn = false
  }
}
