import MailZoneDNS
import MailZoneNet
import MailZoneRecords

extension SPFSegmentResolver {
  /// The networks `a` matches at `target`: its A and AAAA addresses at the term's prefix lengths
  /// (RFC 7208 §5.3, §5.6). A name with no address matches nothing (a void lookup as published).
  func addresses(of target: DNSName, cidr: SPFDualCIDR) async throws(SPFFlattenError) -> CIDRSet {
    let v4 = await resolver.a(target)
    let v6 = await resolver.aaaa(target)
    var set = CIDRSet()
    for address in try Self.records(v4, target: target) { set.insert(IPNetwork(.v4(address), prefix: cidr.ipv4 ?? 32)) }
    for address in try Self.records(v6, target: target) {
      set.insert(IPNetwork(.v6(address), prefix: cidr.ipv6 ?? 128))
    }
    return set
  }

  /// The networks `mx` matches: the addresses of each exchange of `target` (RFC 7208 §5.4).
  func mxAddresses(_ target: DNSName, cidr: SPFDualCIDR) async throws(SPFFlattenError) -> Resolved {
    let answer = await resolver.mx(target)
    let exchanges = try Self.records(answer, target: target).filter { !$0.isNullMX }.map(\.exchange)
    // §4.6.4: more than 10 MX names is a permerror; flattening would hide it.
    guard exchanges.count <= 10 else {
      return Resolved(addresses: nil, cost: 1, note: "mx at \(target) has \(exchanges.count) names: a permerror, live")
    }
    var set = CIDRSet()
    for exchange in exchanges { set = set.union(try await addresses(of: exchange, cidr: cidr)) }
    return Resolved(
      addresses: set, cost: 1, note: "mx at \(target): \(exchanges.count) hosts, \(set.networks.count) networks")
  }

  /// The records of an answer; no records for NXDOMAIN/NODATA; a failed query throws.
  static func records<T>(_ answer: DNSAnswer<T>, target: DNSName) throws(SPFFlattenError) -> [T] {
    switch answer.status {
    case .noError: return answer.records
    case .noData, .nxDomain: return []
    default: throw SPFFlattenError(.dnsFailure, "\(answer.type) lookup of \(target) failed: \(answer.status)")
    }
  }
}
