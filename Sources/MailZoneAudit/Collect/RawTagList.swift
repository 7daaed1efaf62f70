/// A lenient reading of a `tag=value; ...` record (DKIM, BIMI), for records the strict parser
/// rejects: the facts a report still shows, the offset of a tag, the values a fix rewrites.
///
/// RFC 6376 §3.2: `tag-list = tag-spec *( ";" tag-spec ) [ ";" ]`, `tag-spec = [FWS] tag-name
/// [FWS] "=" [FWS] tag-value [FWS]`. Here a spec without `=` is skipped and the first of
/// duplicated names wins; the strict parsers in MailZoneRecords decide validity.
struct RawTagList: Sendable {
  struct Tag: Sendable {
    /// The name as written (tag names are case-sensitive, RFC 6376 §3.2).
    var name: String
    /// The value, surrounding whitespace removed.
    var value: String
    /// UTF-8 offset of the name in the record text.
    var offset: Int
    /// UTF-8 offset of the value.
    var valueOffset: Int
  }

  var tags: [Tag]

  init(_ bytes: [UInt8]) {
    var tags: [Tag] = []
    var start = 0
    while start <= bytes.count {
      let end = bytes[start...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.count
      if let tag = RawTagList.tag(bytes, start..<end) { tags.append(tag) }
      start = end + 1
    }
    self.tags = tags
  }

  init(_ text: String) { self.init(Array(text.utf8)) }

  /// The first tag called `name`.
  subscript(name: String) -> Tag? { tags.first { $0.name == name } }

  private static func tag(_ bytes: [UInt8], _ range: Range<Int>) -> Tag? {
    let spec = bytes[range]
    guard let equals = spec.firstIndex(of: UInt8(ascii: "=")) else { return nil }
    let name = trimmed(spec[..<equals])
    let value = trimmed(spec[(equals + 1)...])
    guard !name.isEmpty else { return nil }
    return Tag(
      name: String(decoding: name, as: UTF8.self), value: String(decoding: value, as: UTF8.self),
      offset: name.startIndex, valueOffset: value.isEmpty ? equals + 1 : value.startIndex)
  }

  private static func trimmed(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D || $0 == 0x0A }
    guard let first = slice.firstIndex(where: { !isSpace($0) }), let last = slice.lastIndex(where: { !isSpace($0) })
    else { return slice[slice.endIndex...] }
    return slice[first...last]
  }
}
