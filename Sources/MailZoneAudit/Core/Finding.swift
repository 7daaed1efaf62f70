/// One problem (or notable fact) a check found: a value, never an error.
public struct Finding: Sendable, Hashable {
  /// The check's stable id (`spf.lookup-limit`).
  public var checkID: String
  public var severity: Severity
  /// Owner name and type the finding is about (`acme.example TXT`, `_dmarc.acme.example TXT`).
  public var subject: String
  /// One sentence: what is wrong and what it causes.
  public var message: String
  /// The offending record's text, and the UTF-8 offset of the offending term in it.
  public var record: String?
  public var offset: Int?
  public var references: [String]
  /// Ready-to-paste zone line(s) that resolve the finding, or nil where none can be written.
  public var fix: String?
  /// Where in a zone file the finding is (set by `mailzone check`; nil for live audits).
  public var location: SourceLocation?

  public init(
    checkID: String, severity: Severity, subject: String, message: String, record: String? = nil,
    offset: Int? = nil, references: [String] = [], fix: String? = nil
  ) {
    self.checkID = checkID
    self.severity = severity
    self.subject = subject
    self.message = message
    self.record = record
    self.offset = offset
    self.references = references
    self.fix = fix
  }
}

/// A place in a source file: 1-based line and column (bytes), and where the offending span ends.
public struct SourceLocation: Sendable, Hashable {
  public var file: String
  public var line: Int
  public var column: Int
  /// One past the span's last column, when the span is known.
  public var endColumn: Int?

  public init(file: String, line: Int, column: Int = 1, endColumn: Int? = nil) {
    self.file = file
    self.line = line
    self.column = column
    self.endColumn = endColumn
  }
}
