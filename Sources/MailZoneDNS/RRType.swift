/// A DNS resource record type (RFC 1035 §3.2.2 and later registrations).
public struct RRType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: UInt16
  public init(rawValue: UInt16) { self.rawValue = rawValue }

  public static let a = RRType(rawValue: 1)
  public static let ns = RRType(rawValue: 2)
  public static let cname = RRType(rawValue: 5)
  public static let soa = RRType(rawValue: 6)
  public static let ptr = RRType(rawValue: 12)
  public static let mx = RRType(rawValue: 15)
  public static let txt = RRType(rawValue: 16)
  public static let aaaa = RRType(rawValue: 28)
  public static let ds = RRType(rawValue: 43)
  public static let rrsig = RRType(rawValue: 46)
  public static let dnskey = RRType(rawValue: 48)
  public static let tlsa = RRType(rawValue: 52)
  /// Type 99, the retired SPF type (RFC 7208 §3.1 says checkers must not use it).
  public static let spf = RRType(rawValue: 99)
  public static let any = RRType(rawValue: 255)
  public static let caa = RRType(rawValue: 257)

  private static let names: [(RRType, String)] = [
    (.a, "A"), (.ns, "NS"), (.cname, "CNAME"), (.soa, "SOA"), (.ptr, "PTR"), (.mx, "MX"),
    (.txt, "TXT"), (.aaaa, "AAAA"), (.ds, "DS"), (.rrsig, "RRSIG"), (.dnskey, "DNSKEY"),
    (.tlsa, "TLSA"), (.spf, "SPF"), (.any, "ANY"), (.caa, "CAA"),
  ]

  /// The mnemonic (`TXT`) or RFC 3597 form (`TYPE65`).
  public var description: String {
    RRType.names.first { $0.0 == self }?.1 ?? "TYPE\(rawValue)"
  }

  /// Parses a mnemonic, case-insensitively, or the `TYPEnnn` form.
  public init?(name: String) {
    let upper = name.uppercased()
    if let known = RRType.names.first(where: { $0.1 == upper }) {
      self = known.0
    } else if upper.hasPrefix("TYPE"), let value = UInt16(upper.dropFirst(4)) {
      self.init(rawValue: value)
    } else {
      return nil
    }
  }
}
