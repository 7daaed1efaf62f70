public import MailZoneDNS

/// The names a bulk run has seen, for skipping duplicates, at 16 bytes a name.
///
/// A long list (a top-million list) would otherwise keep every `DNSName` it read: about 150 bytes
/// a name once the set's own storage is counted. Each name is kept as a 128-bit fingerprint of
/// its lower-cased wire form instead: two SipHash values under this process's random seed, kept
/// apart by a different first word. Two different names share a fingerprint with probability
/// about n²/2¹²⁹, under 10⁻²⁵ for a million names, and an input cannot aim for a collision
/// without knowing the seed.
public struct SeenNames: Sendable {
  private struct Fingerprint: Hashable {
    let high: Int
    let low: Int
  }

  private var fingerprints: Set<Fingerprint> = []

  public init() {}

  /// Names inserted so far (duplicates not counted).
  public var count: Int { fingerprints.count }

  /// Records `name`; false when it (in any letter case) was seen before.
  public mutating func insert(_ name: DNSName) -> Bool {
    var first = Hasher()
    first.combine(0x6D61_696C_7A6F_6E65 as UInt64)  // "mailzone"
    name.hash(into: &first)
    var second = Hasher()
    second.combine(0x7365_656E_6E61_6D65 as UInt64)  // "seenname"
    name.hash(into: &second)
    return fingerprints.insert(Fingerprint(high: first.finalize(), low: second.finalize())).inserted
  }
}
