public import MailZoneDNS

/// A zone-file hygiene check: a pure judgment over one zone file's text and parsed records.
///
/// Unlike `Check`, it sees the file rather than DNS answers, so it can judge what never reaches
/// DNS (syntax, duplicate lines, names that only look right) and locate each finding itself.
public protocol ZoneCheck: Sendable {
  static var description: CheckDescription { get }
  init()
  func evaluate(_ source: ZoneSource) -> [Finding]
}

extension ZoneCheck {
  public var description: CheckDescription { Self.description }

  /// A finding from this check at `entry` (or at `line`/`column` when no entry is given).
  func finding(
    _ message: String, in source: ZoneSource, entry: ZoneFile.Entry? = nil, line: Int? = nil, column: Int? = nil,
    subject: String, record: String? = nil, fix: String? = nil
  ) -> Finding {
    var finding = Finding(
      checkID: Self.description.id, severity: Self.description.severity, subject: subject, message: message,
      record: record, references: Self.description.references, fix: fix)
    if let place = line ?? entry?.line {
      finding.location = SourceLocation(file: source.path, line: place, column: column ?? entry?.column ?? 1)
    }
    return finding
  }

  /// `owner TYPE`, the subject shape the DNS checks use.
  static func subject(_ record: ResourceRecord) -> String { "\(record.owner) \(record.type)" }

  /// The record as a zone line, for findings' `record` text.
  static func line(_ record: ResourceRecord) -> String {
    "\(record.owner.absoluteText) \(record.ttl) IN \(record.type) \(record.data.presentation)"
  }
}

extension CheckExample {
  /// Runs `check` over the example's zone text, read as `mailzone check` reads a file.
  public func findings(of check: any ZoneCheck) -> [Finding] {
    check.evaluate(ZoneSource(text: zone, path: "\(domain) example", origin: try? DNSName(domain)))
  }
}

/// A line without its leading and trailing blanks.
func trimmed(_ line: String) -> String {
  let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
  return String(line.drop(while: isBlank).reversed().drop(while: isBlank).reversed())
}
