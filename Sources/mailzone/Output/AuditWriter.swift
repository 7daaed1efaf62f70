import MailZoneAudit

/// Writes audit reports: NDJSON streams a line per finished domain; the other formats are
/// written at the end, in input order.
final class AuditWriter {
  private let format: OutputFormat
  private let style: Style
  private let count: Int
  private var buffered: [(Int, AuditReport)] = []

  init(format: OutputFormat, style: Style, count: Int) {
    self.format = format
    self.style = style
    self.count = count
  }

  func write(_ report: AuditReport, index: Int) {
    if format == .ndjson {
      print(AuditJSON.object(report).serialized())
    } else {
      buffered.append((index, report))
    }
  }

  func finish() {
    let reports = buffered.sorted { $0.0 < $1.0 }.map(\.1)
    switch format {
    case .ndjson:
      return
    case .json:
      let objects = reports.map(AuditJSON.object)
      print((objects.count == 1 && count == 1 ? objects[0] : .array(objects)).prettySerialized())
    case .sarif:
      print(AuditSARIF.document(reports).prettySerialized())
    case .text:
      let text = AuditText(style: style)
      for report in reports { print(text.render(report), terminator: "") }
      if reports.count > 1 { print(text.summary(reports)) }
    }
  }
}
