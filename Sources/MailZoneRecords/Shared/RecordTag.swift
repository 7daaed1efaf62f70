/// One `name=value` tag as written in a DMARC, DKIM, MTA-STS, TLS-RPT or BIMI record, with the
/// UTF-8 offset of its name.
public struct RecordTag: Sendable, Hashable {
  /// The tag name as written.
  public var name: String
  /// The value as written, without surrounding whitespace.
  public var value: String
  /// UTF-8 offset of the name in the parsed text.
  public var offset: Int

  /// Creates a tag.
  public init(name: String, value: String, offset: Int = 0) {
    self.name = name
    self.value = value
    self.offset = offset
  }
}
