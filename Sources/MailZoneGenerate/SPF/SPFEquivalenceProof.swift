public import MailZoneAudit
public import MailZoneDNS
public import MailZoneNet

/// Evidence that a flattening keeps who may send: check_host on the published tree and on the
/// new records (served from an overlay) agree for every probe address.
///
/// The probes are, for every network any term of either side involves, its first and last
/// address and the addresses just outside it, plus seeded random addresses of both families.
/// The original is evaluated with §4.6.4's lookup and void-lookup limits lifted (a tree over 10
/// lookups, or an `a` with no AAAA asked for an IPv6 client, means what its networks say, not
/// the permerror receivers give it today); the flattened set under RFC 7208's limits. Probes
/// that are a permerror as published are counted apart.
public struct SPFEquivalenceProof: Sendable {
  /// A probe where the two sides disagree.
  public struct Disagreement: Sendable, Hashable {
    public var ip: IPAddress
    public var original: SPFResultCode
    public var flattened: SPFResultCode
  }

  public var tested: Int
  public var agreeing: Int
  public var disagreements: [Disagreement]
  /// Probes for which the original, under the real limits, is a permerror today.
  public var originalPermerrors: Int
  /// Lookups the flattened set costs, counted by the static lookup tree.
  public var lookupsAfter: Int?

  public var isProven: Bool { disagreements.isEmpty && tested > 0 }

  /// Probes `flattening` against `resolver` (the one that resolved it).
  public static func run(
    _ flattening: SPFFlattening, resolver: any Resolver, randomSamples: Int = 256, seed: UInt64 = 7208
  ) async -> SPFEquivalenceProof {
    // The static count is the most a loop-free tree can cost; a loop stops there, as it does live.
    await compare(
      flattening.domain, records: flattening.resourceRecords, ownedNames: flattening.chainNames, resolver: resolver,
      probes: probes(flattening, randomSamples: randomSamples, seed: seed),
      liftedLimit: max(10, flattening.lookupsBefore))
  }

  /// check_host for each probe on `domain` as `resolver` serves it (with `liftedLimit` for the
  /// lookup and void-lookup limits) and with `records` served over it (RFC 7208's limits).
  public static func compare(
    _ domain: DNSName, records: [ResourceRecord], ownedNames: Set<DNSName>, resolver: any Resolver,
    probes: [IPAddress], liftedLimit: Int = 1000
  ) async -> SPFEquivalenceProof {
    let overlay = OverlayResolver(upstream: resolver, records: records, ownedNames: ownedNames)
    var lifted = SPFLimits()
    lifted.dnsMechanisms = liftedLimit
    lifted.voidLookups = liftedLimit
    let original = SPFEvaluator(resolver: resolver, limits: lifted)
    let strict = SPFEvaluator(resolver: resolver)
    let flattened = SPFEvaluator(resolver: overlay)
    var proof = SPFEquivalenceProof(tested: 0, agreeing: 0, disagreements: [], originalPermerrors: 0)
    let name = domain.description
    for ip in probes {
      let request = SPFCheckRequest(ip: ip, sender: "postmaster@" + name, helo: name, domain: name)
      let before = await original.checkHost(request).code
      let after = await flattened.checkHost(request).code
      proof.tested += 1
      if before == after {
        proof.agreeing += 1
      } else {
        proof.disagreements.append(Disagreement(ip: ip, original: before, flattened: after))
      }
      if await strict.checkHost(request).code == .permerror { proof.originalPermerrors += 1 }
    }
    proof.lookupsAfter = await SPFLookupTree.build(domain: domain, resolver: overlay).lookups
    return proof
  }

  /// Boundary addresses of every network involved, then random ones, without repeats.
  public static func probes(_ flattening: SPFFlattening, randomSamples: Int, seed: UInt64) -> [IPAddress] {
    var networks = CIDRSet()
    var list: [IPNetwork] = []
    for segment in flattening.segments {
      guard let addresses = segment.addresses, segment.term.mechanism != .all else { continue }
      list += addresses.networks
      networks = networks.union(addresses)
    }
    list += networks.networks
    for record in flattening.layout {
      list += record.text.split(separator: " ").compactMap { term in
        let body = term.drop { "+-~?".contains($0) }
        guard body.hasPrefix("ip4:") || body.hasPrefix("ip6:") else { return nil }
        return IPNetwork(String(body.dropFirst(4)))
      }
    }
    var seen: Set<IPAddress> = []
    var probes: [IPAddress] = []
    func add(_ ip: IPAddress?) {
      if let ip, seen.insert(ip).inserted { probes.append(ip) }
    }
    for network in list {
      add(network.first)
      add(network.last)
      add(network.below)
      add(network.above)
    }
    var generator = SplitMix64(seed: seed)
    for index in 0..<randomSamples {
      let family: IPFamily = index.isMultiple(of: 2) ? .v4 : .v6
      // Half the random probes land inside a network involved, half anywhere.
      let inside = index % 4 < 2 && !list.isEmpty ? list[Int(generator.next() % UInt64(list.count))] : nil
      add(random(family: inside?.family ?? family, within: inside, &generator))
    }
    return probes
  }

  static func random(family: IPFamily, within network: IPNetwork?, _ generator: inout SplitMix64) -> IPAddress {
    let value = Bits128(high: generator.next(), low: generator.next()) & family.maxValue
    guard let network else { return IPNetwork.address(family, value) }
    let host = value & Bits128.lowMask(network.family.width - network.prefix)
    return IPNetwork.address(network.family, network.base | host)
  }
}

/// A small seeded generator (SplitMix64), so a proof's random probes are the same every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
