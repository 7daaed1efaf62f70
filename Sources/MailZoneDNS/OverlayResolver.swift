/// Answers some names itself, as their authoritative server would, and asks `upstream` the rest.
///
/// Used to try records before they are published: the SPF flattener serves its new records
/// from an overlay over the resolver that saw the current ones, then evaluates both.
public struct OverlayResolver: Resolver {
  struct Key: Hashable {
    var name: DNSName
    var type: RRType
  }

  public let upstream: any Resolver
  private let rrsets: [Key: [ResourceRecord]]
  private let owned: Set<DNSName>

  /// - Parameters:
  ///   - records: the RRsets to serve; each (owner, type) pair present replaces upstream's RRset.
  ///   - ownedNames: names served entirely from the overlay: a type with no record there is
  ///     NODATA. Owners of `records` that are not listed keep their other types upstream.
  public init(upstream: any Resolver, records: [ResourceRecord], ownedNames: Set<DNSName> = []) {
    self.upstream = upstream
    var sets: [Key: [ResourceRecord]] = [:]
    for record in records { sets[Key(name: record.owner.lowercased, type: record.type), default: []].append(record) }
    rrsets = sets
    owned = Set(ownedNames.map(\.lowercased))
  }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    let key = Key(name: name.lowercased, type: type)
    var flags = DNSFlags()
    flags.authoritative = true
    if let found = rrsets[key] {
      return DNSResponse(flags: flags, answer: found, transport: .zoneFile, server: "overlay")
    }
    if owned.contains(key.name) {
      // NOERROR with no answer: the name exists (it owns the overlay's records), the type does not.
      return DNSResponse(flags: flags, transport: .zoneFile, server: "overlay")
    }
    return await upstream.query(name, type)
  }
}
