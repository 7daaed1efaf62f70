/// A BIMI assertion record at `selector._bimi.domain` (draft-brand-indicators-for-message-identification §4.2).
///
/// ```
/// bimi-record            = bimi-version (bimi-sep bimi-location)
///                          [bimi-sep bimi-evidence-location] [bimi-sep]
/// bimi-version           = "v" *WSP "=" *WSP "BIMI1"
/// bimi-sep               = *WSP ";" *WSP
/// bimi-location          = "l" *WSP "=" *WSP [bimi-uri]      ; empty: declined to publish
/// bimi-evidence-location = "a" *WSP "=" *WSP [bimi-uri]
/// bimi-uri               = URI                                 ; https only
/// ```
/// `avp=brand|personal` (avatar preference, later drafts) is read; other tags are kept and
/// ignored. Tags after `v` may come in any order.
public struct BIMIRecord: Sendable, Hashable, CustomStringConvertible {
  private static let rfc = "draft-brand-indicators-for-message-identification §4.2"

  /// The avatar preference of `avp=`.
  public enum AvatarPreference: String, Sendable, Hashable, CaseIterable {
    case brand, personal
  }

  /// `l=`: the https URI of the SVG indicator; empty when the domain declines to publish one.
  public var location: String
  /// `a=`: the https URI of the evidence document (VMC/CMC); `nil` when absent, empty when `a=`.
  public var evidence: String?
  /// `avp=`, when given.
  public var avatarPreference: AvatarPreference?
  /// Unknown tags, in order.
  public var otherTags: [RecordTag]
  /// The text this record was parsed from (not compared).
  public var text: String
  /// Warnings with offsets into `text` (not compared).
  public var warnings: [RecordWarning]

  /// Creates a record.
  public init(
    location: String, evidence: String? = nil, avatarPreference: AvatarPreference? = nil, otherTags: [RecordTag] = []
  ) {
    self.location = location
    self.evidence = evidence
    self.avatarPreference = avatarPreference
    self.otherTags = otherTags
    text = ""
    warnings = []
  }

  /// `l=` empty: the domain declines to publish an indicator (§4.2.1).
  public var isDeclination: Bool { location.isEmpty }

  /// Parses a BIMI assertion record.
  ///
  /// - Throws: ``RecordParseError``; `notBIMI` when it does not start with `v=BIMI1`.
  public static func parse(_ text: String) throws(RecordParseError) -> BIMIRecord {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else {
      throw RecordParseError(.empty, at: 0, "empty record: a bimi record starts with 'v=BIMI1'")
    }
    guard let versionEnd = versionEnd(bytes) else {
      throw RecordParseError(.notBIMI, at: 0, "not a bimi record: it must begin with 'v=BIMI1' (\(rfc))")
    }
    var record = BIMIRecord(location: "")
    record.text = text
    var seen: [String: Int] = [:]
    for field in try FieldList.split(bytes, from: versionEnd, rfc: rfc, warnings: &record.warnings) {
      try record.apply(field, seen: &seen)
    }
    guard seen["l"] != nil else {
      throw RecordParseError(.missingRequiredTag, at: bytes.count, "l= is required; leave it empty to decline (\(rfc))")
    }
    return record
  }

  /// The index after `v *WSP = *WSP BIMI1`, when followed by WSP, `;` or the end.
  private static func versionEnd(_ bytes: [UInt8]) -> Int? {
    guard ASCII.lowercased(bytes[0]) == 0x76 else { return nil }
    var index = 1
    while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == ASCII.equals else { return nil }
    index += 1
    while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
    guard bytes[index...].starts(with: "BIMI1".utf8) else { return nil }
    index += 5
    return index == bytes.count || ASCII.isWSP(bytes[index]) || bytes[index] == ASCII.semicolon ? index : nil
  }

  private mutating func apply(_ field: ArraySlice<UInt8>, seen: inout [String: Int]) throws(RecordParseError) {
    guard let equals = field.firstIndex(of: ASCII.equals) else {
      throw RecordParseError(
        .missingEquals, at: field.startIndex, "tag '\(ASCII.string(field))' has no '=' (\(Self.rfc))")
    }
    let nameBytes = field[..<equals].trimmingWSP()
    guard let first = nameBytes.first, ASCII.isAlpha(first), nameBytes.allSatisfy(ASCII.isAlphanumeric) else {
      throw RecordParseError(
        .invalidName, at: field.startIndex, "'\(ASCII.string(nameBytes))' is not a tag name (\(Self.rfc))")
    }
    let name = ASCII.string(nameBytes).lowercased()
    if let previous = seen[name] {
      throw RecordParseError(
        .duplicate, at: field.startIndex, "tag '\(name)' appears twice (first at offset \(previous)) (\(Self.rfc))")
    }
    seen[name] = field.startIndex
    let value = field[(equals + 1)...].trimmingWSP()
    switch name {
    case "l": location = try Self.uri(value, tag: "l", suffix: ".svg", warnings: &warnings)
    case "a": evidence = try Self.uri(value, tag: "a", suffix: ".pem", warnings: &warnings)
    case "avp":
      guard let preference = AvatarPreference.allCases.first(where: { ASCII.equalsIgnoringCase(value, $0.rawValue) })
      else {
        throw RecordParseError(.invalidTagValue, at: value.startIndex, "avp must be brand or personal (\(Self.rfc))")
      }
      avatarPreference = preference
    default:
      otherTags.append(RecordTag(name: ASCII.string(nameBytes), value: ASCII.string(value), offset: field.startIndex))
      warnings.append(
        RecordWarning(
          .unknownTag, at: field.startIndex, "unknown tag '\(ASCII.string(nameBytes))' is ignored (\(Self.rfc))"))
    }
  }

  /// `[bimi-uri]`: empty, or one https URI.
  private static func uri(
    _ value: ArraySlice<UInt8>, tag: String, suffix: String, warnings: inout [RecordWarning]
  ) throws(RecordParseError) -> String {
    guard !value.isEmpty else { return "" }
    if let problem = URIGrammar.problem(value) ?? (value.contains(ASCII.comma) ? "give one uri, not a list" : nil) {
      throw RecordParseError(
        .invalidURI, at: value.startIndex, "'\(ASCII.string(value))' in \(tag)= is not a uri: \(problem) (\(rfc))")
    }
    guard URIGrammar.scheme(value) == "https" else {
      throw RecordParseError(.invalidURI, at: value.startIndex, "\(tag)= must be an https: uri (\(rfc))")
    }
    let text = ASCII.string(value)
    if !text.lowercased().hasSuffix(suffix) {
      warnings.append(
        RecordWarning(
          .unregisteredValue, at: value.startIndex, "\(tag)= usually names a \(suffix) file; '\(text)' does not"))
    }
    return text
  }

  /// Whether `text` starts with a `v=BIMI1` version tag.
  public static func isBIMI(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    return !bytes.isEmpty && versionEnd(bytes) != nil
  }

  /// `v=BIMI1; l=...` then `a=`, `avp=` and other tags.
  public var rendered: String {
    var parts = ["v=BIMI1", "l=" + location]
    if let evidence { parts.append("a=" + evidence) }
    if let avatarPreference { parts.append("avp=" + avatarPreference.rawValue) }
    parts += otherTags.map { "\($0.name)=\($0.value)" }
    return parts.joined(separator: "; ")
  }

  public var description: String { rendered }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rendered == rhs.rendered }
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }
}
