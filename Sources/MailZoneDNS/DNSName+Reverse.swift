public import MailZoneNet

extension DNSName {
  /// The reverse-mapping name of `address` (RFC 1035 §3.5, RFC 3596 §2.5): `4.3.2.1.in-addr.arpa`
  /// or 32 nibble labels under `ip6.arpa`. An IPv4-mapped IPv6 address maps as its IPv4 address.
  public static func reverse(_ address: IPAddress) -> DNSName {
    var wire: [UInt8] = []
    let tail: [UInt8]
    let labels: Int
    switch address.unmapped {
    case .v4(let v4):
      wire.reserveCapacity(30)
      for octet in [v4.octets.3, v4.octets.2, v4.octets.1, v4.octets.0] {
        let digits = Array(String(octet).utf8)
        wire.append(UInt8(digits.count))
        wire.append(contentsOf: digits)
      }
      tail = [7] + Array("in-addr".utf8) + [4] + Array("arpa".utf8) + [0]
      labels = 6
    case .v6(let v6):
      let hex = Array("0123456789abcdef".utf8)
      wire.reserveCapacity(74)
      for byte in v6.bytes.reversed() {
        wire.append(1)
        wire.append(hex[Int(byte & 0x0F)])
        wire.append(1)
        wire.append(hex[Int(byte >> 4)])
      }
      tail = [3] + Array("ip6".utf8) + [4] + Array("arpa".utf8) + [0]
      labels = 34
    }
    return DNSName(uncheckedWire: wire + tail, labelCount: labels)
  }
}
