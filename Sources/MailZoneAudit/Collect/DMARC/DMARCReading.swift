public import MailZoneRecords

/// How a receiver reads the DMARC record that applies: strictly when it parses, otherwise the way
/// RFC 9989 §4.7 tells receivers to: "Syntax errors in the remainder of the record MUST be
/// discarded in favor of default values (if any) or ignored outright."
public struct DMARCReading: Sendable {
  /// The record as a receiver uses it: the parsed record, or the record without the broken tags.
  /// `nil` when even the version is broken (then nothing of it is used).
  public var record: DMARCRecord?
  /// Lower-cased names of the tags dropped because their syntax is broken, in order.
  public var droppedTags: [String]
  /// The strict parse error of the record text, if it did not parse.
  public var error: RecordParseError?
  /// Each tag of the text as written, in order, even where the record does not parse (read once:
  /// the checks and the report ask for tags many times per domain).
  public let writtenTags: [(name: String, value: String)]
  /// The record text as published.
  public let text: String

  /// Reads `text` under `spec`.
  public init(_ text: String, spec: DMARCSpec = .rfc9989) {
    self.text = text
    self.writtenTags = Array(DMARCReading.tags(of: text).dropFirst())
    var bytes = Array(text.utf8)
    var dropped: [String] = []
    var firstError: RecordParseError?
    // Each round drops the tag the parser stopped at; a record has fewer tags than this.
    for _ in 0..<64 {
      do {
        record = try DMARCRecord.parse(bytes: bytes, spec: spec)
        break
      } catch {
        if firstError == nil { firstError = error }
        let segments = DMARCReading.segments(bytes)
        guard let index = segments.firstIndex(where: { $0.range.contains(error.offset) }), index > 0 else { break }
        dropped.append(segments[index].tag?.name ?? "")
        let range = segments[index].range
        // Remove the tag with the `;` after it, so the rest keeps its separators.
        let from = segments[index - 1].range.upperBound
        bytes.removeSubrange(from..<min(range.upperBound, bytes.count))
      }
    }
    droppedTags = dropped
    self.error = firstError
  }

  /// The value of tag `name` as written (the last occurrence, trimmed), or `nil` when absent.
  public func writtenValue(_ name: String) -> String? {
    writtenTags.last { $0.name == name }?.value
  }

  /// RFC 9989 §4.10.1: "If a retrieved DMARC Policy Record does not contain a valid 'p' tag, or
  /// contains an 'sp' or 'np' tag that is not valid", a receiver acts as if it said `p=none` when
  /// `rua` holds a valid URI, and applies no DMARC processing otherwise (also RFC 7489 §6.6.3).
  public var policyFallback: (applies: Bool, policy: DMARCPolicy?) {
    guard let record else { return (true, nil) }
    let brokenPolicy = record.requestedPolicy == nil || droppedTags.contains { ["sp", "np"].contains($0) }
    guard brokenPolicy else { return (false, nil) }
    return (true, record.aggregateReportURIs.isEmpty ? nil : DMARCPolicy.none)
  }

  /// Every `name=value` segment of `text` between `;`, the first (normally `v`) included.
  public static func tags(of text: String) -> [(name: String, value: String)] {
    segments(Array(text.utf8)).compactMap(\.tag)
  }

  /// The tag-spec segments of a record: byte ranges between `;`, with the tag name and value.
  /// Segment 0 is the version.
  static func segments(_ bytes: [UInt8]) -> [(range: Range<Int>, tag: (name: String, value: String)?)] {
    var out: [(range: Range<Int>, tag: (name: String, value: String)?)] = []
    var start = 0
    for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: ";") {
      let slice = bytes[start..<index]
      var tag: (name: String, value: String)?
      if let equals = slice.firstIndex(of: UInt8(ascii: "=")) {
        let name = String(decoding: slice[..<equals].trimmingWhitespace().lazy.map(ASCII.lowercased), as: UTF8.self)
        let value = String(decoding: slice[(equals + 1)...].trimmingWhitespace(), as: UTF8.self)
        tag = (name, value)
      }
      out.append((start..<(index + 1), tag))
      start = index + 1
    }
    return out
  }

}

extension ArraySlice<UInt8> {
  /// Without leading and trailing spaces and tabs (DMARC's WSP).
  fileprivate func trimmingWhitespace() -> ArraySlice<UInt8> {
    let isWSP: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    guard let first = firstIndex(where: { !isWSP($0) }), let last = lastIndex(where: { !isWSP($0) }) else {
      return self[startIndex..<startIndex]
    }
    return self[first...last]
  }
}
