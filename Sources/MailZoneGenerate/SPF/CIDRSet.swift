/// A set of IPv4 and IPv6 addresses kept as merged ranges, written back as the fewest CIDRs.
///
/// Overlapping and adjacent networks merge (`192.0.2.0/25` + `192.0.2.128/25` = `192.0.2.0/24`);
/// union, difference and membership are exact, so the flattener can subtract what an earlier
/// term already decided.
public struct CIDRSet: Sendable, Hashable {
  /// Inclusive ranges per family, sorted, disjoint and not adjacent.
  struct Range: Sendable, Hashable {
    var lower: Bits128
    var upper: Bits128
  }

  private(set) var ranges: [IPFamily: [Range]] = [:]

  public init() {}

  public init(_ networks: some Sequence<IPNetwork>) {
    for network in networks { insert(network) }
  }

  /// Every address of both families (what `all` matches).
  public static var everything: CIDRSet {
    CIDRSet(IPFamily.allCases.map { IPNetwork(family: $0, base: .zero, prefix: 0) })
  }

  public var isEmpty: Bool { ranges.values.allSatisfy(\.isEmpty) }

  public mutating func insert(_ network: IPNetwork) {
    formUnion(family: network.family, [Range(lower: network.base, upper: network.lastValue)])
  }

  public func union(_ other: CIDRSet) -> CIDRSet {
    var result = self
    for (family, list) in other.ranges { result.formUnion(family: family, list) }
    return result
  }

  private mutating func formUnion(family: IPFamily, _ added: [Range]) {
    let all = (ranges[family] ?? []) + added
    var merged: [Range] = []
    for range in all.sorted(by: { $0.lower < $1.lower }) {
      if var last = merged.last, last.upper.successor.map({ range.lower <= $0 }) ?? true {
        // Overlapping or adjacent (or the last one already reaches the top): extend it.
        if last.upper < range.upper { last.upper = range.upper }
        merged[merged.count - 1] = last
      } else {
        merged.append(range)
      }
    }
    ranges[family] = merged
  }

  /// The addresses of `self` not in `other`.
  public func subtracting(_ other: CIDRSet) -> CIDRSet {
    var result = CIDRSet()
    for (family, list) in ranges {
      let cuts = other.ranges[family] ?? []
      result.ranges[family] = list.flatMap { CIDRSet.subtract(cuts, from: $0) }
    }
    return result
  }

  private static func subtract(_ cuts: [Range], from range: Range) -> [Range] {
    var pieces: [Range] = []
    var lower: Bits128? = range.lower
    for cut in cuts where cut.upper >= range.lower && cut.lower <= range.upper {
      guard let start = lower else { break }
      if start < cut.lower, let end = cut.lower.predecessor { pieces.append(Range(lower: start, upper: end)) }
      lower = cut.upper < range.upper ? cut.upper.successor : nil
    }
    if let start = lower { pieces.append(Range(lower: start, upper: range.upper)) }
    return pieces
  }

  public func contains(_ address: IPNetwork) -> Bool {
    guard let list = ranges[address.family] else { return false }
    return list.contains { $0.lower <= address.base && address.lastValue <= $0.upper }
  }

  /// The fewest CIDR networks covering exactly this set, IPv4 first, in address order.
  public var networks: [IPNetwork] {
    IPFamily.allCases.flatMap { family in
      (ranges[family] ?? []).flatMap { CIDRSet.networks(covering: $0, family: family) }
    }
  }

  private static func networks(covering range: Range, family: IPFamily) -> [IPNetwork] {
    var result: [IPNetwork] = []
    var lower = range.lower
    while true {
      // The largest aligned block starting at `lower` that stays inside the range.
      var hostBits = 0
      while hostBits < family.width {
        let mask = Bits128.lowMask(hostBits + 1)
        guard lower & mask == .zero, lower | mask <= range.upper else { break }
        hostBits += 1
      }
      result.append(IPNetwork(family: family, base: lower, prefix: family.width - hostBits))
      let end = lower | Bits128.lowMask(hostBits)
      guard end < range.upper, let next = end.successor else { return result }
      lower = next
    }
  }
}
