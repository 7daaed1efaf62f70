/// Answers names inside the loaded zone files from the files, the rest from `upstream`: DNS as it
/// will be once the files are deployed. Without an upstream, names outside the files stay
/// `outsideZones` (unknown), as from a `ZoneFileResolver` alone. `mailzone check` audits through it,
/// and `mailzone diff` evaluates its "after" side through it: a CNAME in a zone whose target lies
/// in no loaded zone ends the zone's reply, so the typed lookups ask again and the target's
/// answer comes from upstream, as it would after deployment.
public struct ZoneFirstResolver: Resolver {
  public let zones: ZoneFileResolver
  public let upstream: (any Resolver)?

  public init(zones: ZoneFileResolver, upstream: (any Resolver)?) {
    self.zones = zones
    self.upstream = upstream
  }

  /// True when `name` is at or below the apex of a loaded zone.
  public func servesFromZones(_ name: DNSName) -> Bool { zones.zone(for: name) != nil }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    let answer = zones.answer(name, type)
    guard answer.failure == .outsideZones, let upstream else { return answer }
    return await upstream.query(name, type)
  }
}
