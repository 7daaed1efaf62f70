/// The `_smtp._tls` TXT record that asks for SMTP TLS reports (RFC 8460 §3).
///
/// ```
/// tlsrpt-record    = tlsrpt-version 1*(field-delim tlsrpt-field) [field-delim]
/// field-delim      = *WSP ";" *WSP
/// tlsrpt-field     = tlsrpt-rua / tlsrpt-extension   ; tlsrpt-rua is required
/// tlsrpt-version   = %s"v=TLSRPTv1"
/// tlsrpt-rua       = %s"rua=" tlsrpt-uri *(*WSP "," *WSP tlsrpt-uri)
/// tlsrpt-uri       = URI   ; commas, semicolons and exclamation points MUST be encoded
/// tlsrpt-extension = tlsrpt-ext-name "=" tlsrpt-ext-value
/// ```
public struct TLSRPTRecord: Sendable, Hashable, CustomStringConvertible {
  private static let rfc = "rfc 8460 §3"

  /// The reporting URIs (`mailto:` or `https:`), in order.
  public var reportURIs: [String]
  /// Extension fields, in order.
  public var extensions: [RecordTag]
  /// The text this record was parsed from (not compared).
  public var text: String
  /// Warnings with offsets into `text` (not compared).
  public var warnings: [RecordWarning]

  /// Creates a record.
  public init(reportURIs: [String], extensions: [RecordTag] = []) {
    self.reportURIs = reportURIs
    self.extensions = extensions
    text = ""
    warnings = []
  }

  /// Parses a TLS-RPT record.
  ///
  /// - Throws: ``RecordParseError``; `notTLSRPT` when it does not start with `v=TLSRPTv1`.
  public static func parse(_ text: String) throws(RecordParseError) -> TLSRPTRecord {
    let bytes = Array(text.utf8)
    let versionLength = try FieldList.requireVersion(
      bytes, "v=TLSRPTv1", kind: "a tls-rpt record", notCode: .notTLSRPT, rfc: rfc)
    var warnings: [RecordWarning] = []
    var uris: ([String], Int)?
    var extensions: [RecordTag] = []
    for field in try FieldList.split(bytes, from: versionLength, rfc: rfc, warnings: &warnings) {
      let (name, value) = try FieldList.nameValue(field, rfc: rfc)
      if ASCII.equals(name, "rua") {
        if let first = uris {
          throw RecordParseError(
            .duplicate, at: field.startIndex, "rua= appears twice (first at offset \(first.1)) (\(rfc))")
        }
        uris = (try parseURIs(value, warnings: &warnings), field.startIndex)
        continue
      }
      try FieldList.appendExtension(
        field, name: name, value: value, rfc: rfc, to: &extensions, warnings: &warnings)
    }
    guard let uris else { throw RecordParseError(.missingRequiredTag, at: bytes.count, "rua= is required (\(rfc))") }
    var record = TLSRPTRecord(reportURIs: uris.0, extensions: extensions)
    record.text = text
    record.warnings = warnings
    return record
  }

  private static func parseURIs(_ value: ArraySlice<UInt8>, warnings: inout [RecordWarning]) throws(RecordParseError)
    -> [String]
  {
    var uris: [String] = []
    var start = value.startIndex
    for end in value.indices.filter({ value[$0] == ASCII.comma }) + [value.endIndex] {
      let item = value[start..<end].trimmingWSP()
      start = end + 1
      guard !item.isEmpty else {
        throw RecordParseError(.emptyValue, at: item.startIndex, "rua= needs one or more ','-separated uris (\(rfc))")
      }
      if let problem = URIGrammar.problem(item) ?? (item.contains(ASCII.bang) ? "'!' must be %-encoded" : nil) {
        throw RecordParseError(
          .invalidURI, at: item.startIndex, "'\(ASCII.string(item))' is not a uri: \(problem) (\(rfc))")
      }
      let scheme = URIGrammar.scheme(item)
      if scheme != "mailto", scheme != "https" {
        warnings.append(
          RecordWarning(
            .unsupportedScheme, at: item.startIndex,
            "tls reports are sent only to mailto: and https: uris, not '\(scheme):' (\(rfc))"))
      }
      uris.append(ASCII.string(item))
    }
    return uris
  }

  /// Whether `text` starts with `v=TLSRPTv1`.
  public static func isTLSRPT(_ text: String) -> Bool { text.utf8.starts(with: "v=TLSRPTv1".utf8) }

  /// `v=TLSRPTv1; rua=...` plus extensions.
  public var rendered: String {
    (["v=TLSRPTv1", "rua=" + reportURIs.joined(separator: ",")] + extensions.map { "\($0.name)=\($0.value)" })
      .joined(separator: "; ")
  }

  public var description: String { rendered }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rendered == rhs.rendered }
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }
}
