import MailZoneNet
import MailZoneRecords

/// `ip4:`/`ip6:` networks written with host bits set: probably a wrong prefix length.
public struct SPFIPHostBitsCheck: Check {
  public static let description = CheckDescription(
    id: "spf.ip-host-bits", family: .spf, title: "Network with host bits set",
    summary: "An `ip4:` or `ip6:` term has address bits set beyond its prefix length.",
    rationale: """
      Receivers compare only the first *prefix-length* bits (RFC 7208 §5.6), so
      `ip4:192.0.2.10/24` authorizes all of 192.0.2.0/24. That is rarely what was meant: either
      the prefix is wrong (a single host was meant, `/32`) or the author did not realize the
      whole network is allowed, possibly addresses belonging to other customers of a hosting
      provider. mailzone writes the network as receivers read it; if a single host was meant,
      drop the prefix instead.
      """,
    severity: .warning, references: ["RFC 7208 §5.6", "RFC 4632 §3.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the network address",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a host address with a /24",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.10/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "an IPv6 host address with a /48",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip6:2001:db8:1:2::25/48 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let record = spf.parsed else { return [] }
    return record.warnings.filter { $0.code == .hostBitsSet }.compactMap { warning -> Finding? in
      guard let term = record.terms.first(where: { $0.offset == warning.offset }),
        case .directive(let qualifier, let mechanism) = term.kind, let network = Self.network(mechanism)
      else { return nil }
      let corrected = SPFTerm(.directive(qualifier, network))
      return finding(
        "'\(term.rendered)' has bits set beyond its prefix: receivers read it as '\(corrected.rendered)', the "
          + "whole network", subject: spf.subject, record: record.text, offset: term.offset,
        fix: spf.fix(replacing: term.offset, with: corrected))
    }
  }

  /// The mechanism with the address masked to its prefix.
  static func network(_ mechanism: SPFMechanism) -> SPFMechanism? {
    switch mechanism {
    case .ip4(let address, let prefix?):
      let mask: UInt32 = prefix <= 0 ? 0 : prefix >= 32 ? .max : ~(UInt32.max >> UInt32(prefix))
      return .ip4(IPv4Address(value: address.value & mask), prefix: prefix)
    case .ip6(let address, let prefix?):
      let bytes = address.bytes.enumerated().map { index, byte -> UInt8 in
        let bits = max(0, min(8, prefix - index * 8))
        return bits == 0 ? 0 : byte & ~(UInt8.max >> UInt8(bits))
      }
      return IPv6Address(bytes: bytes).map { .ip6($0, prefix: prefix) }
    default:
      return nil
    }
  }
}
