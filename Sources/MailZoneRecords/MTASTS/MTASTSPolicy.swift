/// An MTA-STS policy file, served at `https://mta-sts.<domain>/.well-known/mta-sts.txt`
/// (RFC 8461 §3.2).
///
/// ```
/// sts-policy-record      = sts-policy-field *WSP *(sts-policy-term sts-policy-field *WSP) [sts-policy-term]
/// sts-policy-field       = sts-policy-version / sts-policy-mode / sts-policy-max-age /
///                          sts-policy-mx / sts-policy-extension
/// sts-policy-field-delim = ":" *WSP
/// sts-policy-version     = %s"version" sts-policy-field-delim %s"STSv1"
/// sts-policy-mode        = %s"mode" sts-policy-field-delim ( %s"testing" / %s"enforce" / %s"none" )
/// sts-policy-mx          = %s"mx" sts-policy-field-delim ["*."] Domain
/// sts-policy-max-age     = %s"max_age" sts-policy-field-delim 1*10(DIGIT)
/// sts-policy-extension   = sts-policy-ext-name sts-policy-field-delim sts-policy-ext-value
/// sts-policy-term        = LF / CRLF
/// ```
public struct MTASTSPolicy: Sendable, Hashable, CustomStringConvertible {
  /// The policy mode.
  public enum Mode: String, Sendable, Hashable, CaseIterable {
    /// Deliver anyway, but report failures.
    case testing
    /// Refuse delivery to MX hosts that fail validation.
    case enforce
    /// No active policy.
    case none
  }

  /// The largest `max_age`: 31557600 seconds, about one year (RFC 8461 §3.2).
  public static let maximumMaxAge = 31_557_600

  /// `mode:`.
  public var mode: Mode
  /// `max_age:` in seconds.
  public var maxAge: Int
  /// `mx:` patterns (`mail.example.com`, `*.example.net`), in order.
  public var mx: [String]
  /// Extension fields, in order.
  public var extensions: [RecordTag]
  /// The text this policy was parsed from (not compared).
  public var text: String
  /// Warnings with offsets into `text` (not compared).
  public var warnings: [RecordWarning]

  /// Creates a policy.
  public init(mode: Mode, maxAge: Int, mx: [String], extensions: [RecordTag] = []) {
    self.mode = mode
    self.maxAge = maxAge
    self.mx = mx
    self.extensions = extensions
    text = ""
    warnings = []
  }

  /// Parses a policy file body.
  ///
  /// - Throws: ``RecordParseError`` for a broken line, a missing or repeated field, a bad
  ///   mode, `max_age` or `mx` pattern.
  public static func parse(_ text: String) throws(RecordParseError) -> MTASTSPolicy {
    try MTASTSPolicyParser.parse(Array(text.utf8), text: text)
  }

  /// Whether `host` (a lower-case name without trailing dot) matches an `mx` pattern: exactly,
  /// or `*.` matching one leftmost label (RFC 8461 §4.1).
  public func matches(mxHost host: String) -> Bool {
    let host = host.lowercased()
    return mx.contains { pattern in
      let pattern = pattern.lowercased()
      guard pattern.hasPrefix("*.") else { return pattern == host }
      guard let dot = host.firstIndex(of: ".") else { return false }
      return host[host.index(after: dot)...] == pattern.dropFirst(2) && dot > host.startIndex
    }
  }

  /// Canonical text: version, mode, mx lines, max_age, extensions; CRLF-terminated lines.
  public var rendered: String {
    var lines = ["version: STSv1", "mode: \(mode.rawValue)"]
    lines += mx.map { "mx: \($0)" }
    lines.append("max_age: \(maxAge)")
    lines += extensions.map { "\($0.name): \($0.value)" }
    return lines.map { $0 + "\r\n" }.joined()
  }

  public var description: String { rendered }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rendered == rhs.rendered }
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }
}
