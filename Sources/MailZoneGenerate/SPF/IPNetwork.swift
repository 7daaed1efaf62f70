public import MailZoneNet

/// An unsigned 128-bit value: the integer form of an address, IPv4 in the low 32 bits.
///
/// (The standard library's `UInt128` needs macOS 15; the package supports macOS 14.)
struct Bits128: Sendable, Hashable, Comparable {
  var high: UInt64
  var low: UInt64

  static let zero = Bits128(high: 0, low: 0)

  static func < (lhs: Bits128, rhs: Bits128) -> Bool {
    lhs.high != rhs.high ? lhs.high < rhs.high : lhs.low < rhs.low
  }

  /// The value with its lowest `count` bits set (0–128).
  static func lowMask(_ count: Int) -> Bits128 {
    if count <= 0 { return .zero }
    if count >= 128 { return Bits128(high: .max, low: .max) }
    if count >= 64 { return Bits128(high: count == 64 ? 0 : UInt64.max >> UInt64(128 - count), low: .max) }
    return Bits128(high: 0, low: UInt64.max >> UInt64(64 - count))
  }

  static func & (lhs: Bits128, rhs: Bits128) -> Bits128 { Bits128(high: lhs.high & rhs.high, low: lhs.low & rhs.low) }
  static func | (lhs: Bits128, rhs: Bits128) -> Bits128 { Bits128(high: lhs.high | rhs.high, low: lhs.low | rhs.low) }
  static prefix func ~ (value: Bits128) -> Bits128 { Bits128(high: ~value.high, low: ~value.low) }

  /// `self + 1`, or nil past the top.
  var successor: Bits128? {
    if low != .max { return Bits128(high: high, low: low + 1) }
    return high == .max ? nil : Bits128(high: high + 1, low: 0)
  }

  /// `self - 1`, or nil below zero.
  var predecessor: Bits128? {
    if low != 0 { return Bits128(high: high, low: low - 1) }
    return high == 0 ? nil : Bits128(high: high - 1, low: .max)
  }
}

/// An address family, with its width in bits.
public enum IPFamily: String, Sendable, Hashable, CaseIterable {
  case v4 = "ip4"
  case v6 = "ip6"

  public var width: Int { self == .v4 ? 32 : 128 }

  var maxValue: Bits128 { Bits128.lowMask(width) }
}

/// A CIDR network (`192.0.2.0/24`, `2001:db8::/32`) with its host bits cleared.
public struct IPNetwork: Sendable, Hashable, Comparable, CustomStringConvertible {
  public let family: IPFamily
  public let prefix: Int
  let base: Bits128

  init(family: IPFamily, base: Bits128, prefix: Int) {
    self.family = family
    self.prefix = min(max(prefix, 0), family.width)
    self.base = base & ~Bits128.lowMask(family.width - self.prefix) & family.maxValue
  }

  /// The network of `address` at `prefix` (clamped to the family's width).
  public init(_ address: IPAddress, prefix: Int) {
    switch address {
    case .v4(let v4): self.init(family: .v4, base: Bits128(high: 0, low: UInt64(v4.value)), prefix: prefix)
    case .v6(let v6): self.init(family: .v6, base: IPNetwork.bits(v6), prefix: prefix)
    }
  }

  /// Parses `192.0.2.0/24`, `2001:db8::/32`, or a bare address (a host network).
  public init?(_ text: String) {
    let parts = text.split(separator: "/", maxSplits: 1).map(String.init)
    guard let first = parts.first, let address = IPAddress(first) else { return nil }
    let width = address.isIPv6 ? 128 : 32
    guard let prefix = parts.count == 2 ? Int(parts[1]) : width, (0...width).contains(prefix) else { return nil }
    self.init(address, prefix: prefix)
  }

  static func bits(_ address: IPv6Address) -> Bits128 {
    let g = address.groups.map(UInt64.init)
    return Bits128(high: g[0] << 48 | g[1] << 32 | g[2] << 16 | g[3], low: g[4] << 48 | g[5] << 32 | g[6] << 16 | g[7])
  }

  static func address(_ family: IPFamily, _ value: Bits128) -> IPAddress {
    switch family {
    case .v4:
      return .v4(IPv4Address(value: UInt32(truncatingIfNeeded: value.low)))
    case .v6:
      let words =
        [value.high >> 48, value.high >> 32, value.high >> 16, value.high] + [
          value.low >> 48, value.low >> 32, value.low >> 16, value.low,
        ]
      // Eight groups always make an address; the fallback is unreachable.
      guard let v6 = IPv6Address(groups: words.map { UInt16(truncatingIfNeeded: $0) }) else {
        return .v4(IPv4Address(value: 0))
      }
      return .v6(v6)
    }
  }

  /// The first address (the network address).
  public var first: IPAddress { IPNetwork.address(family, base) }
  /// The last address of the network.
  public var last: IPAddress { IPNetwork.address(family, lastValue) }
  var lastValue: Bits128 { base | Bits128.lowMask(family.width - prefix) }

  /// The address just below the network, if there is one.
  public var below: IPAddress? { base.predecessor.map { IPNetwork.address(family, $0) } }
  /// The address just above the network, if there is one.
  public var above: IPAddress? {
    lastValue == family.maxValue ? nil : lastValue.successor.map { IPNetwork.address(family, $0) }
  }

  /// The SPF mechanism matching exactly this network; the prefix is left out for a host.
  public var mechanism: String {
    let address = first.description
    return prefix == family.width ? "\(family.rawValue):\(address)" : "\(family.rawValue):\(address)/\(prefix)"
  }

  public var description: String { "\(first)/\(prefix)" }

  public static func < (lhs: IPNetwork, rhs: IPNetwork) -> Bool {
    if lhs.family != rhs.family { return lhs.family == .v4 }
    return lhs.base != rhs.base ? lhs.base < rhs.base : lhs.prefix < rhs.prefix
  }
}
