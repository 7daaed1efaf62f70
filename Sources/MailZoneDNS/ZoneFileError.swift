/// A problem in a zone file, located at file, line and (when known) column.
public struct ZoneFileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The rule broken; stable names for reports and tests.
  public enum Rule: String, Sendable, Hashable, CaseIterable {
    case unreadable = "unreadable-file"
    case unterminatedQuote = "unterminated-quote"
    case unbalancedParenthesis = "unbalanced-parenthesis"
    case badTTL = "bad-ttl"
    case unknownDirective = "unknown-directive"
    case unsupportedDirective = "unsupported-directive"
    case noOrigin = "no-origin"
    case badOrigin = "bad-origin"
    case syntax = "syntax"
    case noApex = "no-apex"
    case secondSOA = "second-soa"
    case outOfZone = "out-of-zone"
    case txtStringTooLong = "txt-string-too-long"
  }

  public var file: String
  public var line: Int?
  public var column: Int?
  public var rule: Rule
  public var message: String

  public init(file: String, line: Int?, column: Int? = nil, rule: Rule, message: String) {
    self.file = file
    self.line = line
    self.column = column
    self.rule = rule
    self.message = message
  }

  /// `file:line:column: message [rule]`, the shape compilers use so editors can jump to it.
  public var description: String {
    var place = file
    if let line { place += ":\(line)" }
    if let column { place += ":\(column)" }
    return "\(place): \(message) [\(rule.rawValue)]"
  }
}
