/// Answers names inside the loaded zone files from the files, the rest from `upstream`: DNS as it
/// will be once the files are deployed. Without an upstream, names outside the files stay
/// `outsideZones` (unknown), as from a `ZoneFileResolver` alone.
public struct ZoneFirstResolver: Resolver {
  public let zones: ZoneFileResolver
  public let upstream: (any Resolver)?

  public init(zones: ZoneFileResolver, upstream: (any Resolver)?) {
    self.zones = zones
    self.upstream = upstream
  }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    let answer = zones.answer(name, type)
    guard answer.failure == .outsideZones, let upstream else { return answer }
    return await upstream.query(name, type)
  }
}
