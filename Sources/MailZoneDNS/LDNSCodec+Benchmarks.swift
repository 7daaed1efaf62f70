/// The ldns packet codec, for `Benchmarks/Micro` only (`@_spi(Benchmarks) import MailZoneDNS`):
/// the codec itself stays internal so that no caller depends on its shape.
@_spi(Benchmarks) public enum DNSCodecBenchmarkHooks {
  /// A query packet as the live resolver sends it (RD set, EDNS(0) payload 1232), or nil if ldns
  /// refused it.
  public static func makeQuery(name: DNSName, type: RRType, id: UInt16) -> [UInt8]? {
    LDNSCodec.makeQuery(name: name, type: type, id: id, options: LDNSCodec.QueryOptions())
  }

  /// A reply parsed and copied out as the live resolver does it: its rcode and answer records,
  /// or nil for a malformed packet.
  public static func parseReply(_ bytes: [UInt8]) -> (rcode: UInt16, answer: [ResourceRecord])? {
    guard case .success(let message) = LDNSCodec.parse(bytes) else { return nil }
    return (message.rcode, message.answer)
  }
}
