/// The `_mta-sts` TXT record that announces an MTA-STS policy (RFC 8461 §3.1).
///
/// ```
/// sts-text-record = sts-version 1*(sts-sep sts-field) [sts-sep]
/// sts-field       = sts-id / sts-extension        ; sts-id is required
/// sts-version     = %s"v=STSv1"
/// sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
/// sts-sep         = *WSP %x3B *WSP
/// sts-extension   = sts-ext-name "=" sts-ext-value
/// sts-ext-name    = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
/// sts-ext-value   = 1*(%x21-3A / %x3C / %x3E-7E)
/// ```
public struct MTASTSRecord: Sendable, Hashable, CustomStringConvertible {
  private static let rfc = "rfc 8461 §3.1"

  /// `id=`: changes whenever the policy changes.
  public var id: String
  /// Extension fields, in order.
  public var extensions: [RecordTag]
  /// The text this record was parsed from (not compared).
  public var text: String
  /// Warnings with offsets into `text` (not compared).
  public var warnings: [RecordWarning]

  /// Creates a record.
  public init(id: String, extensions: [RecordTag] = []) {
    self.id = id
    self.extensions = extensions
    text = ""
    warnings = []
  }

  /// Parses an MTA-STS TXT record.
  ///
  /// - Throws: ``RecordParseError``; `notMTASTS` when it does not start with `v=STSv1`.
  public static func parse(_ text: String) throws(RecordParseError) -> MTASTSRecord {
    let bytes = Array(text.utf8)
    let versionLength = try FieldList.requireVersion(
      bytes, "v=STSv1", kind: "an mta-sts record", notCode: .notMTASTS, rfc: rfc)
    var warnings: [RecordWarning] = []
    var id: (String, Int)?
    var extensions: [RecordTag] = []
    for field in try FieldList.split(bytes, from: versionLength, rfc: rfc, warnings: &warnings) {
      let (name, value) = try FieldList.nameValue(field, rfc: rfc)
      if ASCII.equals(name, "id") {
        if let first = id {
          throw RecordParseError(
            .duplicate, at: field.startIndex, "id= appears twice (first at offset \(first.1)) (\(rfc))")
        }
        // sts-id = %s"id=" 1*32(ALPHA / DIGIT)
        guard (1...32).contains(value.count), value.allSatisfy(ASCII.isAlphanumeric) else {
          throw RecordParseError(
            .invalidTagValue, at: value.startIndex, "id must be 1 to 32 letters and digits (\(rfc))")
        }
        id = (ASCII.string(value), field.startIndex)
        continue
      }
      try FieldList.appendExtension(
        field, name: name, value: value, rfc: rfc, to: &extensions, warnings: &warnings)
    }
    guard let id else {
      throw RecordParseError(.missingRequiredTag, at: bytes.count, "id= is required (\(rfc))")
    }
    var record = MTASTSRecord(id: id.0, extensions: extensions)
    record.text = text
    record.warnings = warnings
    return record
  }

  /// Whether `text` starts with `v=STSv1`.
  public static func isMTASTS(_ text: String) -> Bool { text.utf8.starts(with: "v=STSv1".utf8) }

  /// `v=STSv1; id=...` plus extensions.
  public var rendered: String {
    (["v=STSv1", "id=" + id] + extensions.map { "\($0.name)=\($0.value)" }).joined(separator: "; ")
  }

  public var description: String { rendered }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rendered == rhs.rendered }
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }
}
