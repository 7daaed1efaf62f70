public import MailZoneNet

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
  public var joined: [UInt8] { strings.count == 1 ? strings[0] : strings.flatMap { $0 } }

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
