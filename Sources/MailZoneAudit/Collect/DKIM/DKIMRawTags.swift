/// A lenient reading of a DKIM key record's `tag=value` list, for records the strict parser
/// rejects: the facts a report shows (key type, revocation, testing) and the offset of a tag.
///
/// RFC 6376 §3.2: `tag-list = tag-spec *( ";" tag-spec ) [ ";" ]`, `tag-spec = [FWS] tag-name
/// [FWS] "=" [FWS] tag-value [FWS]`. Here a spec without `=` is skipped and the first of
/// duplicated names wins; the strict parser in MailZoneRecords decides validity.
struct DKIMRawTags: Sendable {
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
      if let tag = DKIMRawTags.tag(bytes, start..<end) { tags.append(tag) }
      start = end + 1
    }
    self.tags = tags
  }

  init(_ text: String) { self.init(Array(text.utf8)) }

  /// The first tag called `name`.
  subscript(name: String) -> Tag? { tags.first { $0.name == name } }

  /// `k=` lower-cased, default `rsa` (RFC 6376 §3.6.1).
  var keyType: String { self["k"].map { $0.value.lowercased() } ?? "rsa" }
  /// `p=` present and empty (folding whitespace aside): a revoked key.
  var isRevoked: Bool {
    guard let p = self["p"] else { return false }
    return p.value.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
  }
  /// `t=` lists the `y` flag.
  var isTesting: Bool {
    guard let t = self["t"] else { return false }
    return t.value.split(separator: ":").contains { $0.filter { !$0.isWhitespace }.lowercased() == "y" }
  }

  /// Whether a TXT value at a selector is meant as a key record: it starts with a `v=DKIM…` tag,
  /// or, without a version, carries one of the key tags. Other TXT data there (an SPF record
  /// synthesized by a wildcard, a verification token) is not a key and is not judged as one.
  static func isKeyCandidate(_ bytes: [UInt8]) -> Bool {
    let raw = DKIMRawTags(bytes)
    if let first = raw.tags.first, first.name.lowercased() == "v" {
      return first.value.lowercased().hasPrefix("dkim")
    }
    return raw.tags.contains { ["p", "k", "h", "s", "t", "n"].contains($0.name) }
  }

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
