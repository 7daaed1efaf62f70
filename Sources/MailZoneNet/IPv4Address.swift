/// An IPv4 address, parsed from strict dotted-quad text.
///
/// ```
/// ip4-network = qnum "." qnum "." qnum "." qnum
/// qnum        = DIGIT / %x31-39 DIGIT / "1" 2DIGIT / "2" %x30-34 DIGIT / "25" %x30-35
/// ```
/// (RFC 7208 §12): no leading zeros, no omitted parts, nothing but digits and dots.
public struct IPv4Address: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The four octets in network order.
  public var octets: (UInt8, UInt8, UInt8, UInt8)

  /// Creates an address from its four octets.
  public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) { octets = (a, b, c, d) }

  /// Creates an address from a 32-bit number.
  public init(value: UInt32) {
    octets = (UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
  }

  /// Creates an address from exactly four bytes (wire order).
  public init?(bytes: [UInt8]) {
    guard bytes.count == 4 else { return nil }
    self.init(bytes[0], bytes[1], bytes[2], bytes[3])
  }

  /// The four octets as bytes (wire order).
  public var bytes: [UInt8] { [octets.0, octets.1, octets.2, octets.3] }

  /// Parses strict dotted-quad text; `nil` when it is not exactly four canonical decimal octets.
  public init?(_ text: String) {
    guard let parsed = Self.parse(Array(text.utf8)[...]) else { return nil }
    self = parsed
  }

  /// The address as a 32-bit number.
  public var value: UInt32 {
    UInt32(octets.0) << 24 | UInt32(octets.1) << 16 | UInt32(octets.2) << 8 | UInt32(octets.3)
  }

  /// Dotted-quad text.
  public var description: String { "\(octets.0).\(octets.1).\(octets.2).\(octets.3)" }

  public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
  public func hash(into hasher: inout Hasher) { hasher.combine(value) }

  /// Whether bits beyond `prefix` are set (`192.0.2.1/24`).
  public func hasHostBits(prefix: Int) -> Bool {
    guard prefix < 32 else { return false }
    let mask: UInt32 = prefix == 0 ? 0 : ~UInt32(0) << UInt32(32 - prefix)
    return value & ~mask != 0
  }

  /// Parses dotted-quad bytes (used inside other grammars).
  public static func parse(_ bytes: ArraySlice<UInt8>) -> IPv4Address? {
    var parts: [UInt8] = []
    var start = bytes.startIndex
    var index = bytes.startIndex
    while index <= bytes.endIndex {
      if index == bytes.endIndex || bytes[index] == AddressText.dot {
        let digits = bytes[start..<index]
        // qnum: 1-3 digits, no leading zero unless the number is "0", value ≤ 255.
        guard (1...3).contains(digits.count), digits.allSatisfy(AddressText.isDigit),
          digits.count == 1 || digits.first != 0x30,
          let value = AddressText.number(digits, limit: 255)
        else { return nil }
        parts.append(UInt8(value))
        start = index + 1
      }
      index += 1
    }
    guard parts.count == 4 else { return nil }
    return IPv4Address(parts[0], parts[1], parts[2], parts[3])
  }
}

/// ASCII byte tests for the address parsers (this module has no other dependency).
enum AddressText {
  static let dot = UInt8(ascii: ".")
  static let colon = UInt8(ascii: ":")
  static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (0x41...0x46).contains(byte) || (0x61...0x66).contains(byte)
  }
  static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

  /// Decimal value of `digits` (already all DIGIT), or nil above `limit`.
  static func number(_ digits: ArraySlice<UInt8>, limit: Int) -> Int? {
    var value = 0
    for digit in digits {
      value = value * 10 + Int(digit - 0x30)
      if value > limit { return nil }
    }
    return value
  }
}
