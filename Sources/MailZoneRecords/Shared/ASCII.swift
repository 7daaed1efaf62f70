/// Byte classes from RFC 5234 Appendix B.1 and the record RFCs, on raw UTF-8 bytes.
///
/// Parsers work on `[UInt8]` with integer offsets: offsets are the UTF-8 offsets the errors report,
/// and indexing stays O(1) whatever the input holds.
public enum ASCII {
  static let space: UInt8 = 0x20
  static let tab: UInt8 = 0x09
  static let cr: UInt8 = 0x0D
  static let lf: UInt8 = 0x0A
  static let semicolon: UInt8 = 0x3B
  static let equals: UInt8 = 0x3D
  static let colon: UInt8 = 0x3A
  static let comma: UInt8 = 0x2C
  static let slash: UInt8 = 0x2F
  static let dot: UInt8 = 0x2E
  static let hyphen: UInt8 = 0x2D
  static let underscore: UInt8 = 0x5F
  static let percent: UInt8 = 0x25
  static let bang: UInt8 = 0x21

  /// WSP = SP / HTAB.
  static func isWSP(_ byte: UInt8) -> Bool { byte == space || byte == tab }
  /// ALPHA = %x41-5A / %x61-7A.
  static func isAlpha(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
  /// DIGIT = %x30-39.
  static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
  static func isAlphanumeric(_ byte: UInt8) -> Bool { isAlpha(byte) || isDigit(byte) }
  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
  }
  /// VCHAR = %x21-7E.
  static func isVisible(_ byte: UInt8) -> Bool { (0x21...0x7E).contains(byte) }

  /// `A`-`Z` lowered; every other byte unchanged.
  public static func lowercased(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }

  /// The bytes as a String; only called on ranges already checked to be ASCII or valid UTF-8.
  static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

  /// Case-insensitive comparison with an ASCII literal (RFC 5234 §2.3 quoted strings).
  static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ literal: String) -> Bool {
    // The literal's UTF-8 view is read in place: no array per comparison (SPF asks this of
    // every TXT record and every term).
    let other = literal.utf8
    guard bytes.count == other.count else { return false }
    return zip(bytes, other).allSatisfy { lowercased($0) == lowercased($1) }
  }

  /// Case-sensitive comparison with an ASCII literal (RFC 7405 `%s"..."`).
  static func equals(_ bytes: ArraySlice<UInt8>, _ literal: String) -> Bool {
    bytes.elementsEqual(literal.utf8)
  }

  /// A printable rendering of one byte for error messages: `'x'`, or `0x0d` for the rest.
  static func describe(_ byte: UInt8) -> String {
    if isVisible(byte) { return "'\(String(UnicodeScalar(byte)))'" }
    if byte == space { return "space" }
    if byte == tab { return "tab" }
    let hex = String(byte, radix: 16)
    return "0x" + (hex.count == 1 ? "0" + hex : hex)
  }

  /// Parses `digits` (already checked to be all DIGIT) as a non-negative integer, or `nil` when
  /// it exceeds `limit`. Linear in the digit count, so a 64 KiB run of digits stays cheap.
  static func number(_ digits: ArraySlice<UInt8>, limit: UInt64 = UInt64.max) -> UInt64? {
    var value: UInt64 = 0
    for byte in digits {
      let (times, overflowA) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflowB) = times.addingReportingOverflow(UInt64(byte - 0x30))
      if overflowA || overflowB || sum > limit { return nil }
      value = sum
    }
    return value
  }
}

extension ArraySlice where Element == UInt8 {
  /// The slice without leading and trailing WSP.
  func trimmingWSP() -> ArraySlice<UInt8> {
    var slice = self
    while let first = slice.first, ASCII.isWSP(first) { slice = slice.dropFirst() }
    while let last = slice.last, ASCII.isWSP(last) { slice = slice.dropLast() }
    return slice
  }
}
