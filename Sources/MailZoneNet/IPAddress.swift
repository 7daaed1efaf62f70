/// An IPv4 or IPv6 address: an SPF client, an A/AAAA answer, a mechanism's network.
public enum IPAddress: Sendable, Hashable, CustomStringConvertible {
  case v4(IPv4Address)
  case v6(IPv6Address)

  /// Parses either family's text form.
  public init?(_ text: String) {
    if let v4 = IPv4Address(text) {
      self = .v4(v4)
    } else if let v6 = IPv6Address(text) {
      self = .v6(v6)
    } else {
      return nil
    }
  }

  public var description: String {
    switch self {
    case .v4(let address): return address.description
    case .v6(let address): return address.description
    }
  }

  public var isIPv6: Bool { if case .v6 = self { true } else { false } }

  /// RFC 7208 §5 note: an IPv4-mapped IPv6 client (`::ffff:192.0.2.1`) is treated as IPv4.
  public var unmapped: IPAddress {
    guard case .v6(let v6) = self, v6.groups[0..<5].allSatisfy({ $0 == 0 }), v6.groups[5] == 0xFFFF else {
      return self
    }
    return .v4(IPv4Address(value: UInt32(v6.groups[6]) << 16 | UInt32(v6.groups[7])))
  }

  /// The address as bytes, 4 or 16.
  public var bytes: [UInt8] {
    switch self {
    case .v4(let address): return address.bytes
    case .v6(let address): return address.bytes
    }
  }

  /// True when the first `prefix` bits equal those of `network` (same family only).
  public func matches(_ network: IPAddress, prefix: Int) -> Bool {
    let mine = bytes
    let theirs = network.bytes
    guard mine.count == theirs.count, prefix >= 0, prefix <= mine.count * 8 else { return false }
    let whole = prefix / 8
    if mine[0..<whole] != theirs[0..<whole] { return false }
    let rest = prefix % 8
    guard rest > 0 else { return true }
    let mask = UInt8(0xFF) << UInt8(8 - rest)
    return mine[whole] & mask == theirs[whole] & mask
  }
}
