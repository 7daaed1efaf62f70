/// TXT character-strings: the one place that splits a record value into ≤255-byte strings and
/// writes them in zone-file presentation form.
///
/// A TXT RDATA is one or more `<character-string>`s of at most 255 octets each (RFC 1035 §3.3,
/// §3.3.14). Email-authentication records are read by concatenating those strings *without*
/// adding spaces (RFC 7208 §3.3, RFC 6376 §3.6.2.2, RFC 7489 §6.1), so a long record can be
/// split anywhere and means the same.
public enum TXTStrings {
  /// The largest character-string: RFC 1035 §3.3 (one length octet).
  public static let maximumStringLength = 255

  /// Splits `value` into strings of at most 255 bytes that concatenate back to `value`.
  ///
  /// Splits fall on UTF-8 scalar boundaries where the bytes allow it (so each string stays
  /// readable), and on the 255-byte mark otherwise. An empty value yields one empty string,
  /// since a TXT record holds at least one string.
  public static func split(_ value: [UInt8]) -> [[UInt8]] {
    guard !value.isEmpty else { return [[]] }
    var strings: [[UInt8]] = []
    var start = 0
    while start < value.count {
      var end = min(start + maximumStringLength, value.count)
      if end < value.count {
        // Back off over UTF-8 continuation bytes (10xxxxxx), at most 3, so a scalar stays whole.
        var cut = end
        while cut > start + maximumStringLength - 3, value[cut] & 0xC0 == 0x80 { cut -= 1 }
        if value[cut] & 0xC0 != 0x80 { end = cut }
      }
      strings.append(Array(value[start..<end]))
      start = end
    }
    return strings
  }

  /// Splits the UTF-8 form of `value`; see ``split(_:)-([UInt8])``.
  public static func split(_ value: String) -> [[UInt8]] { split(Array(value.utf8)) }

  /// Joins character-strings the way RFC 7208 §3.3 reads them: concatenated, no separator.
  public static func join(_ strings: [[UInt8]]) -> [UInt8] { strings.flatMap { $0 } }

  /// Zone-file presentation of `value`: quoted strings of ≤255 bytes separated by one space.
  ///
  /// Inside the quotes `"` and `\` are escaped with a backslash and any byte outside
  /// printable ASCII as `\DDD` (RFC 1035 §5.1), so the output is plain ASCII that any zone
  /// parser reads back to the same bytes.
  public static func presentation(_ value: [UInt8]) -> String {
    split(value).map(quoted).joined(separator: " ")
  }

  /// Zone-file presentation of the UTF-8 form of `value`.
  public static func presentation(_ value: String) -> String { presentation(Array(value.utf8)) }

  /// One character-string, quoted and escaped (it is not split: callers pass ≤255 bytes).
  public static func quoted(_ string: [UInt8]) -> String {
    var out = "\""
    for byte in string {
      switch byte {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x20...0x7E: out.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = String(byte)
        out += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
      }
    }
    return out + "\""
  }

  /// Reads the presentation form back: a sequence of quoted (or bare) character-strings with
  /// `\X` and `\DDD` escapes (RFC 1035 §5.1), separated by whitespace.
  ///
  /// - Throws: ``RecordParseError`` with `invalidCharacter` for an unterminated quote or a bad
  ///   escape, `tooLong` for a string over 255 bytes.
  public static func parsePresentation(_ text: String) throws(RecordParseError) -> [[UInt8]] {
    let bytes = Array(text.utf8)
    var strings: [[UInt8]] = []
    var index = 0
    while index < bytes.count {
      if ASCII.isWSP(bytes[index]) {
        index += 1
        continue
      }
      let start = index
      let quotedString = bytes[index] == 0x22
      if quotedString { index += 1 }
      var current: [UInt8] = []
      var closed = !quotedString
      while index < bytes.count {
        let byte = bytes[index]
        if quotedString, byte == 0x22 {
          closed = true
          index += 1
          break
        }
        if !quotedString, ASCII.isWSP(byte) { break }
        if byte == 0x5C {
          current.append(try unescape(bytes, &index))
        } else {
          current.append(byte)
          index += 1
        }
      }
      guard closed else {
        throw RecordParseError(.invalidCharacter, at: start, "unterminated quoted character-string")
      }
      guard current.count <= maximumStringLength else {
        throw RecordParseError(.tooLong, at: start, "character-string longer than 255 bytes (rfc 1035 §3.3)")
      }
      strings.append(current)
    }
    return strings
  }

  /// Decodes the escape at `index` (which holds the backslash) and advances past it.
  private static func unescape(_ bytes: [UInt8], _ index: inout Int) throws(RecordParseError) -> UInt8 {
    let start = index
    guard index + 1 < bytes.count else {
      throw RecordParseError(.invalidCharacter, at: start, "backslash at the end of the text")
    }
    let next = bytes[index + 1]
    guard ASCII.isDigit(next) else {
      index += 2
      return next
    }
    guard index + 3 < bytes.count, ASCII.isDigit(bytes[index + 2]), ASCII.isDigit(bytes[index + 3]),
      let value = ASCII.number(bytes[(index + 1)...(index + 3)], limit: 255)
    else {
      throw RecordParseError(.invalidCharacter, at: start, "\\DDD escape needs three digits up to 255 (rfc 1035 §5.1)")
    }
    index += 4
    return UInt8(value)
  }
}
