import MailZoneAudit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes audit outcomes as they come: an NDJSON line or a text block per outcome, JSON array
/// elements one by one (a single object when exactly one domain was asked for). SARIF is one
/// document, so its results are kept until `finish` (memory grows with the findings).
final class AuditWriter {
  private let format: OutputFormat
  private let style: Style
  private let single: Bool
  private var written = 0
  private var sarifResults: [JSONValue] = []
  private var severities: [Severity: Int] = [:]
  private var incomplete = 0

  /// `single`: exactly one domain on the command line and no list, so JSON is one object.
  init(format: OutputFormat, style: Style, single: Bool) {
    self.format = format
    self.style = style
    self.single = single
  }

  func write(_ outcome: AuditOutcome) {
    for finding in outcome.findings { severities[finding.severity, default: 0] += 1 }
    if !outcome.isComplete { incomplete += 1 }
    defer { written += 1 }
    switch format {
    case .ndjson:
      var line = AuditJSON.object(outcome).serialized()
      line += "\n"
      emit(line)
    case .json:
      let text = AuditJSON.object(outcome).prettySerialized()
      if single {
        emit(text + "\n")
      } else {
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        emit((written == 0 ? "[\n" : ",\n") + indented.joined(separator: "\n"))
      }
    case .sarif:
      sarifResults += AuditSARIF.results(outcome.findings, domain: outcome.domainText)
    case .text:
      let text = AuditText(style: style)
      switch outcome {
      case .audited(let report): emit(text.render(report))
      case .malformed(let field, _, let findings): emit(text.renderMalformed(field: field, findings: findings))
      }
    }
  }

  func finish() {
    switch format {
    case .ndjson:
      break
    case .json:
      if !single { emit(written == 0 ? "[]\n" : "\n]\n") }
    case .sarif:
      emit(AuditSARIF.document(results: sarifResults).prettySerialized() + "\n")
    case .text:
      if written > 1 {
        emit(AuditText(style: style).summary(domains: written, findings: severities, incomplete: incomplete) + "\n")
      }
    }
  }

  /// Written and flushed at once, so a consumer of a pipe sees each domain as it finishes.
  private func emit(_ text: String) {
    FileHandleWriter.put(text, to: STDOUT_FILENO)
  }
}
