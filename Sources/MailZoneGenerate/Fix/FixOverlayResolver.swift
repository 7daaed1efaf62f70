public import MailZoneDNS

/// Answers as `upstream` does, except that the records of each fix slot are replaced by the plan's.
///
/// Used to audit a domain as it would be once a fix snippet is published, without publishing it.
/// Unlike `MailZoneDNS.OverlayResolver`, which replaces whole RRsets, a slot replaces only the
/// records it covers (an SPF fix leaves a verification TXT at the same name alone).
public struct FixOverlayResolver: Resolver {
  public let upstream: any Resolver
  public let records: [FixSlot: [ResourceRecord]]

  public init(upstream: any Resolver, records: [FixSlot: [ResourceRecord]]) {
    self.upstream = upstream
    self.records = records
  }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    var response = await upstream.query(name, type)
    let owner = name.lowercased
    let slots = records.keys.filter { $0.owner == owner && ($0.type == type || type == .any) }
    let createsName = records.keys.contains { $0.owner.isSubdomain(of: owner) && !(records[$0]?.isEmpty ?? true) }
    guard response.failure == nil, !slots.isEmpty || (createsName && response.rcode == DNSResponse.nxDomain) else {
      return response
    }
    response.answer.removeAll { record in slots.contains { $0.covers(record) } }
    response.answer += slots.flatMap { records[$0] ?? [] }
    if response.rcode == DNSResponse.nxDomain, createsName {
      // The name now exists: what was NXDOMAIN is an answer, or NODATA for the other types.
      response.rcode = DNSResponse.noError
    }
    return response
  }
}
