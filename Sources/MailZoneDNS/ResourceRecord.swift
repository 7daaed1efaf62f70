/// One resource record from an answer or a zone file.
public struct ResourceRecord: Sendable, Hashable {
  public var owner: DNSName
  public var type: RRType
  public var ttl: UInt32
  public var data: RData

  public init(owner: DNSName, type: RRType, ttl: UInt32, data: RData) {
    self.owner = owner
    self.type = type
    self.ttl = ttl
    self.data = data
  }
}

/// Typed record data for the types mailzone reads; anything else stays raw.
public enum RData: Sendable, Hashable {
  case a(IPv4Address)
  case aaaa(IPv6Address)
  case cname(DNSName)
  case ns(DNSName)
  case ptr(DNSName)
  case mx(MXData)
  case txt(TXTData)
  case soa(SOAData)
  case tlsa(TLSAData)
  /// Type 99 (SPF) has TXT's format.
  case spf(TXTData)
  /// Any other type: the raw rdata octets.
  case unknown([UInt8])
}

/// TXT rdata: the character-strings exactly as sent, each at most 255 octets.
public struct TXTData: Sendable, Hashable {
  public var strings: [[UInt8]]
  public init(strings: [[UInt8]]) { self.strings = strings }

  /// The strings concatenated without separators (RFC 7208 §3.3, RFC 6376 §3.6.2.2).
  public var joined: [UInt8] { strings.flatMap { $0 } }

  /// The joined value as text; invalid UTF-8 becomes U+FFFD.
  public var text: String { String(decoding: joined, as: UTF8.self) }
}

/// MX rdata (RFC 1035 §3.3.9); `isNullMX` for the RFC 7505 `0 .` record.
public struct MXData: Sendable, Hashable {
  public var preference: UInt16
  public var exchange: DNSName
  public init(preference: UInt16, exchange: DNSName) {
    self.preference = preference
    self.exchange = exchange
  }

  /// RFC 7505 §3: preference 0 and exchange `.` says the domain accepts no mail.
  public var isNullMX: Bool { preference == 0 && exchange.isRoot }
}

/// SOA rdata (RFC 1035 §3.3.13).
public struct SOAData: Sendable, Hashable {
  public var mname: DNSName
  public var rname: DNSName
  public var serial: UInt32
  public var refresh: UInt32
  public var retry: UInt32
  public var expire: UInt32
  public var minimum: UInt32
}

/// TLSA rdata (RFC 6698 §2.1).
public struct TLSAData: Sendable, Hashable {
  public var usage: UInt8
  public var selector: UInt8
  public var matchingType: UInt8
  public var certificateData: [UInt8]
}

/// An IPv4 address.
public struct IPv4Address: Sendable, Hashable, CustomStringConvertible {
  public var bytes: (UInt8, UInt8, UInt8, UInt8)

  public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) { bytes = (a, b, c, d) }

  /// Parses dotted-quad text; leading zeros and out-of-range parts are rejected.
  public init?(_ text: String) {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 4 else { return nil }
    var values: [UInt8] = []
    for part in parts {
      guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
        part.count == 1 || part.first != "0", let value = UInt8(part)
      else { return nil }
      values.append(value)
    }
    bytes = (values[0], values[1], values[2], values[3])
  }

  public var octets: [UInt8] { [bytes.0, bytes.1, bytes.2, bytes.3] }
  public var description: String { octets.map(String.init).joined(separator: ".") }

  public static func == (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.octets == rhs.octets }
  public func hash(into hasher: inout Hasher) { hasher.combine(octets) }
}

/// An IPv6 address, printed in RFC 5952 form.
public struct IPv6Address: Sendable, Hashable, CustomStringConvertible {
  /// The 16 octets.
  public let octets: [UInt8]

  /// Makes an address from exactly 16 octets.
  public init?(octets: [UInt8]) {
    guard octets.count == 16 else { return nil }
    self.octets = octets
  }

  /// Parses RFC 4291 §2.2 text, including `::` and a trailing dotted quad.
  public init?(_ text: String) {
    guard let parsed = IPv6Address.parse(text) else { return nil }
    octets = parsed
  }

  /// The eight 16-bit groups.
  public var groups: [UInt16] { (0..<8).map { UInt16(octets[$0 * 2]) << 8 | UInt16(octets[$0 * 2 + 1]) } }

  /// RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as `::`.
  public var description: String {
    let groups = self.groups
    var bestStart = -1
    var bestLength = 0
    var index = 0
    while index < 8 {
      if groups[index] == 0 {
        var end = index
        while end < 8, groups[end] == 0 { end += 1 }
        if end - index > bestLength, end - index >= 2 {
          bestStart = index
          bestLength = end - index
        }
        index = end
      } else {
        index += 1
      }
    }
    func hex(_ range: Range<Int>) -> String {
      range.map { String(groups[$0], radix: 16) }.joined(separator: ":")
    }
    guard bestStart >= 0 else { return hex(0..<8) }
    return hex(0..<bestStart) + "::" + hex((bestStart + bestLength)..<8)
  }

  /// Splits at each `::` (no Foundation in this module).
  private static func splitDoubleColon(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var previousColon = false
    for character in text {
      if character == ":" && previousColon {
        current.removeLast()
        parts.append(current)
        current = ""
        previousColon = false
        continue
      }
      previousColon = character == ":"
      current.append(character)
    }
    parts.append(current)
    return parts
  }

  private static func parse(_ text: String) -> [UInt8]? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII }) else { return nil }
    let halves = IPv6Address.splitDoubleColon(text)
    guard halves.count <= 2 else { return nil }
    func groups(_ part: String, allowIPv4: Bool) -> [UInt16]? {
      if part.isEmpty { return [] }
      var result: [UInt16] = []
      let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
      for (i, piece) in pieces.enumerated() {
        if allowIPv4, i == pieces.count - 1, piece.contains(".") {
          guard let v4 = IPv4Address(String(piece)) else { return nil }
          let o = v4.octets
          result += [UInt16(o[0]) << 8 | UInt16(o[1]), UInt16(o[2]) << 8 | UInt16(o[3])]
        } else {
          guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
          result.append(value)
        }
      }
      return result
    }
    var all: [UInt16]
    if halves.count == 2 {
      guard let head = groups(halves[0], allowIPv4: false), let tail = groups(halves[1], allowIPv4: true),
        head.count + tail.count <= 7
      else { return nil }
      all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    } else {
      guard let only = groups(text, allowIPv4: true), only.count == 8 else { return nil }
      all = only
    }
    return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
  }
}
