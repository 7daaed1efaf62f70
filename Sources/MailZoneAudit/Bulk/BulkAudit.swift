import MailZoneDNS

/// What one input became: an audit report, or a line that names no domain.
public enum AuditOutcome: Sendable {
  case audited(AuditReport)
  /// `field` is the input text as given; `line` its line in the list (nil for an argument).
  case malformed(field: String, line: Int?, findings: [Finding])

  /// The name written as `domain` in reports: the A-label name, or the raw text.
  public var domainText: String {
    switch self {
    case .audited(let report): return report.domain.description
    case .malformed(let field, _, _): return field
    }
  }

  public var findings: [Finding] {
    switch self {
    case .audited(let report): return report.findings
    case .malformed(_, _, let findings): return findings
    }
  }

  /// False for an incomplete audit (exit 2). A malformed line is complete: it is a finding.
  public var isComplete: Bool {
    switch self {
    case .audited(let report): return report.isComplete
    case .malformed: return true
    }
  }
}

/// Audits a stream of domain-list lines with at most `concurrency` domains in flight, handing
/// each outcome over as it finishes, or in input order with `ordered`.
///
/// Memory: the names seen (for duplicates; 16-byte fingerprints, see `SeenNames`) plus O(concurrency)
/// outcomes. With `ordered`, a domain is admitted only while it is fewer than `reorderWindow`
/// positions ahead of the oldest unwritten one, so a slow domain at the head holds back
/// admission, not memory.
public struct BulkAudit: Sendable {
  public struct Counts: Sendable, Equatable {
    public var audited = 0
    public var malformed = 0
    public var duplicates = 0
    public var resumed = 0
    public init() {}
  }

  public let runner: AuditRunner
  public let concurrency: Int
  public let ordered: Bool
  /// `domain` values of a previous run's output: these inputs are skipped.
  public let skip: Set<String>

  public init(runner: AuditRunner, concurrency: Int, ordered: Bool, skip: Set<String> = []) {
    self.runner = runner
    self.concurrency = max(1, concurrency)
    self.ordered = ordered
    self.skip = skip
  }

  public var reorderWindow: Int { concurrency * 4 }

  /// Runs every line of `lines`; `onOutcome` gets each outcome (in finishing order, or input
  /// order with `ordered`). Returns what was counted; rethrows the stream's read error after
  /// writing what was read before it.
  public func run<Lines: AsyncSequence>(
    _ lines: Lines, onOutcome: (AuditOutcome) -> Void
  ) async throws -> Counts where Lines.Element == DomainInputLine {
    let malformedCheck = MalformedDomainCheck()
    var counts = Counts()
    var seen = SeenNames()
    var reorder = ReorderBuffer<AuditOutcome>()
    var readError: (any Error)?
    let runner = self.runner
    await withTaskGroup(of: (Int, AuditReport).self) { group in
      var iterator = lines.makeAsyncIterator()
      var exhausted = false
      var inFlight = 0
      var sequence = 0
      func emit(_ position: Int, _ outcome: AuditOutcome) {
        guard ordered else { return onOutcome(outcome) }
        reorder.insert(outcome, at: position)
        while let next = reorder.popReady() { onOutcome(next) }
      }
      while true {
        while !exhausted, inFlight < concurrency, !ordered || sequence - reorder.nextPosition < reorderWindow {
          let entry: DomainInputLine?
          do {
            entry = try await iterator.next()
          } catch {
            readError = error
            entry = nil
          }
          guard let entry else {
            exhausted = true
            break
          }
          switch entry.content {
          case .empty:
            continue
          case .malformed(let field, let reason):
            if skip.contains(field) {
              counts.resumed += 1
              continue
            }
            counts.malformed += 1
            let findings = malformedCheck.evaluate(input: field, line: entry.line, reason: reason)
            emit(sequence, .malformed(field: field, line: entry.line, findings: findings))
            sequence += 1
          case .name(let name):
            guard seen.insert(name) else {
              counts.duplicates += 1
              continue
            }
            if skip.contains(name.description) {
              counts.resumed += 1
              continue
            }
            counts.audited += 1
            let position = sequence
            sequence += 1
            inFlight += 1
            group.addTask { (position, await runner.audit(name)) }
          }
        }
        guard let (position, report) = await group.next() else {
          if exhausted { break }
          continue
        }
        inFlight -= 1
        emit(position, .audited(report))
      }
    }
    if let readError { throw readError }
    return counts
  }
}

/// Outcomes by input position, released in order.
struct ReorderBuffer<Value> {
  private var waiting: [Int: Value] = [:]
  private(set) var nextPosition = 0

  mutating func insert(_ value: Value, at position: Int) {
    waiting[position] = value
  }

  mutating func popReady() -> Value? {
    guard let value = waiting.removeValue(forKey: nextPosition) else { return nil }
    nextPosition += 1
    return value
  }
}
