/// Answers names inside the loaded zone files from the files, and every other name from a live
/// resolver: DNS as it will be once the files are deployed, with the rest of the world unchanged.
///
/// `mailzone diff` evaluates the "after" side through it. A CNAME in a zone whose target lies in
/// no loaded zone ends the zone's reply, so the typed lookups ask again and the target's answer
/// comes from live DNS, as it would after deployment.
public struct ZoneOverLiveResolver: Resolver {
  public let zones: ZoneFileResolver
  public let live: any Resolver

  public init(zones: ZoneFileResolver, live: any Resolver) {
    self.zones = zones
    self.live = live
  }

  /// True when `name` is at or below the apex of a loaded zone.
  public func servesFromZones(_ name: DNSName) -> Bool { zones.zone(for: name) != nil }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    if servesFromZones(name) { return zones.answer(name, type) }
    return await live.query(name, type)
  }
}
