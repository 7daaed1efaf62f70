/// An IPv6 address, parsed from RFC 4291 §2.2 text and written in RFC 5952 canonical form.
public struct IPv6Address: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The eight 16-bit groups in network order.
  public var groups: [UInt16]

  /// Creates an address from eight groups; `nil` for any other count.
  public init?(groups: [UInt16]) {
    guard groups.count == 8 else { return nil }
    self.groups = groups
  }

  /// Creates an address from exactly 16 bytes (wire order).
  public init?(bytes: [UInt8]) {
    guard bytes.count == 16 else { return nil }
    groups = (0..<8).map { UInt16(bytes[$0 * 2]) << 8 | UInt16(bytes[$0 * 2 + 1]) }
  }

  /// The 16 bytes (wire order).
  public var bytes: [UInt8] { groups.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] } }

  /// Parses RFC 4291 §2.2 text (`2001:db8::1`, `::ffff:192.0.2.1`).
  public init?(_ text: String) {
    guard let parsed = Self.parse(Array(text.utf8)[...]) else { return nil }
    self = parsed
  }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.groups.lexicographicallyPrecedes(rhs.groups) }

  /// Whether bits beyond `prefix` are set.
  public func hasHostBits(prefix: Int) -> Bool {
    guard prefix < 128 else { return false }
    for (index, group) in groups.enumerated() {
      let groupStart = index * 16
      if groupStart >= prefix {
        if group != 0 { return true }
      } else if groupStart + 16 > prefix {
        let keep = prefix - groupStart
        if group & (UInt16.max >> UInt16(keep)) != 0 { return true }
      }
    }
    return false
  }

  /// RFC 5952 §4: lower-case hex, no leading zeros, the longest run (≥2) of zero groups as `::`.
  public var description: String {
    var bestStart = -1
    var bestLength = 1
    var runStart = -1
    for index in 0...8 {
      if index < 8, groups[index] == 0 {
        if runStart < 0 { runStart = index }
      } else if runStart >= 0 {
        if index - runStart > bestLength {
          bestStart = runStart
          bestLength = index - runStart
        }
        runStart = -1
      }
    }
    func hex(_ range: Range<Int>) -> String {
      range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
    }
    guard bestStart >= 0 else { return hex(0..<8) }
    return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
  }

  /// Parses RFC 4291 text bytes (used inside other grammars).
  public static func parse(_ bytes: ArraySlice<UInt8>) -> IPv6Address? {
    guard bytes.count >= 2,
      bytes.allSatisfy({ AddressText.isHexDigit($0) || $0 == AddressText.colon || $0 == AddressText.dot })
    else { return nil }
    let text = Array(bytes)
    var head: [UInt16] = []
    var tail: [UInt16] = []
    var sawGap = false
    var index = 0
    if text.starts(with: [AddressText.colon, AddressText.colon]) {
      sawGap = true
      index = 2
    } else if text[0] == AddressText.colon {
      return nil  // a single leading colon (`:CAFE::BABE`).
    }
    while index < text.count {
      var end = index
      while end < text.count, text[end] != AddressText.colon { end += 1 }
      let piece = text[index..<end]
      if piece.contains(AddressText.dot) {
        // An embedded IPv4 address takes the last 32 bits (RFC 4291 §2.2 form 3).
        guard end == text.count, let v4 = IPv4Address.parse(piece) else { return nil }
        let halves = [UInt16(v4.value >> 16), UInt16(v4.value & 0xFFFF)]
        if sawGap { tail += halves } else { head += halves }
        index = end
        break
      }
      guard (1...4).contains(piece.count), let group = UInt16(AddressText.string(piece), radix: 16) else { return nil }
      if sawGap { tail.append(group) } else { head.append(group) }
      guard end < text.count else {
        index = end
        break
      }
      // `::` marks the one gap; a trailing single colon is an error.
      if end + 1 < text.count, text[end + 1] == AddressText.colon {
        guard !sawGap else { return nil }
        sawGap = true
        index = end + 2
      } else {
        guard end + 1 < text.count else { return nil }
        index = end + 1
      }
    }
    let count = head.count + tail.count
    if sawGap {
      guard count <= 7 else { return nil }
      return IPv6Address(groups: head + Array(repeating: 0, count: 8 - count) + tail)
    }
    return count == 8 ? IPv6Address(groups: head) : nil
  }
}
