/// Answers from BIND zone files the way an authoritative server loaded with them would:
/// NXDOMAIN vs NODATA (empty non-terminals included), in-zone CNAME chains, wildcards
/// (RFC 4592), and referrals at delegation points. A name in none of the zones, which NSD would
/// REFUSE, is `outsideZones`: unknown to an offline audit rather than a server failure.
public struct ZoneFileResolver: Resolver {
  /// One loaded zone, indexed for lookups.
  struct Zone: Sendable {
    let apex: DNSName
    let source: String
    let soa: ResourceRecord?
    /// Records by owner; duplicates merged (an RRset is a set).
    let records: [DNSName: [ResourceRecord]]
    /// Every owner and every name between an owner and the apex (empty non-terminals).
    let names: Set<DNSName>
    /// Owners below the apex that have NS records: zone cuts.
    let cuts: Set<DNSName>
  }

  let zones: [Zone]
  /// Zones by apex, so the closest enclosing zone is found by walking up the name's labels.
  private let byApex: [DNSName: Int]

  /// Loads zone files; several files with the same apex are merged into one zone.
  public init(files: [ZoneFile]) {
    var grouped: [DNSName: [ZoneFile]] = [:]
    var order: [DNSName] = []
    for file in files {
      if grouped[file.apex] == nil { order.append(file.apex) }
      grouped[file.apex, default: []].append(file)
    }
    zones = order.compactMap { apex in grouped[apex].map { Zone(apex: apex, files: $0) } }
    byApex = Dictionary(zones.enumerated().map { ($1.apex, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Parses and loads zone files from disk.
  public init(paths: [String], origin: DNSName? = nil) throws(ZoneFileError) {
    var files: [ZoneFile] = []
    for path in paths { files.append(try ZoneFile(path: path, origin: origin)) }
    self.init(files: files)
  }

  /// The apexes of the loaded zones.
  public var apexes: [DNSName] { zones.map(\.apex) }

  /// The zone whose apex is the closest ancestor of `name`.
  func zone(for name: DNSName) -> Zone? {
    var current: DNSName? = name
    while let candidate = current {
      if let index = byApex[candidate] { return zones[index] }
      current = candidate.parent
    }
    return nil
  }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    answer(name, type)
  }

  /// The synchronous core of `query`.
  public func answer(_ name: DNSName, _ type: RRType) -> DNSResponse {
    guard var zone = zone(for: name) else {
      return DNSResponse(failure: .outsideZones, transport: .zoneFile, server: "zone files")
    }
    var flags = DNSFlags()
    flags.authoritative = true
    var answer: [ResourceRecord] = []
    var current = name
    var visited: Set<DNSName> = []
    while true {
      if let cut = zone.cut(above: current, type: type) {
        // A referral is not authoritative (RFC 1034 §4.3.2 step 3b).
        let ns = zone.records[cut, default: []].filter { $0.type == .ns }
        return DNSResponse(answer: answer, authority: ns, transport: .zoneFile, server: zone.source)
      }
      switch zone.lookup(current, type) {
      case .records(let found):
        answer += found
        return DNSResponse(flags: flags, answer: answer, transport: .zoneFile, server: zone.source)
      case .cname(let link, let target):
        answer.append(link)
        visited.insert(current)
        // Like NSD, follow the chain into any loaded zone; a loop, or a target in no loaded
        // zone, ends the reply with the chain so far.
        guard !visited.contains(target), answer.count < 16, let next = self.zone(for: target) else {
          return DNSResponse(flags: flags, answer: answer, transport: .zoneFile, server: zone.source)
        }
        zone = next
        current = target
      case .noData:
        return DNSResponse(
          flags: flags, answer: answer, authority: zone.soa.map { [$0] } ?? [], transport: .zoneFile,
          server: zone.source)
      case .nxDomain:
        return DNSResponse(
          rcode: DNSResponse.nxDomain, flags: flags, answer: answer, authority: zone.soa.map { [$0] } ?? [],
          transport: .zoneFile, server: zone.source)
      }
    }
  }
}

extension ZoneFileResolver.Zone {
  enum Outcome {
    case records([ResourceRecord])
    case cname(ResourceRecord, DNSName)
    case noData
    case nxDomain
  }

  init(apex: DNSName, files: [ZoneFile]) {
    var records: [DNSName: [ResourceRecord]] = [:]
    var names: Set<DNSName> = [apex]
    var cuts: Set<DNSName> = []
    var soa: ResourceRecord?
    for file in files {
      for entry in file.entries {
        let record = entry.record
        if record.type == .soa {
          if soa == nil { soa = record } else { continue }
        }
        if !records[record.owner, default: []].contains(where: { $0.type == record.type && $0.data == record.data }) {
          records[record.owner, default: []].append(record)
        }
        var name: DNSName? = record.owner
        while let current = name, current.isSubdomain(of: apex), names.insert(current).inserted {
          name = current.parent
        }
        if record.type == .ns, record.owner != apex { cuts.insert(record.owner) }
      }
    }
    self.apex = apex
    self.source = files.map(\.path).joined(separator: ", ")
    self.soa = soa
    self.records = records
    self.names = names
    self.cuts = cuts
  }

  /// The zone cut at or above `name` (below the apex), if any; DS at the cut itself is the parent's.
  func cut(above name: DNSName, type: RRType) -> DNSName? {
    guard !cuts.isEmpty else { return nil }
    var current: DNSName? = name
    while let candidate = current, candidate != apex {
      if cuts.contains(candidate), !(candidate == name && type == .ds) { return candidate }
      current = candidate.parent
    }
    return nil
  }

  func lookup(_ name: DNSName, _ type: RRType) -> Outcome {
    if let here = records[name] {
      return classify(here, owner: name, type: type)
    }
    if names.contains(name) { return .noData }
    // RFC 4592 §3.3.1: the closest encloser, then its wildcard child as the source of synthesis.
    var encloser = name.parent
    while let candidate = encloser, !names.contains(candidate) { encloser = candidate.parent }
    guard let closest = encloser, let wildcard = try? DNSName(labels: [[UInt8(ascii: "*")]] + closest.labels),
      let source = records[wildcard]
    else { return .nxDomain }
    let synthesized = source.map { ResourceRecord(owner: name, type: $0.type, ttl: $0.ttl, data: $0.data) }
    return classify(synthesized, owner: name, type: type)
  }

  private func classify(_ here: [ResourceRecord], owner: DNSName, type: RRType) -> Outcome {
    let matching = here.filter { $0.type == type || type == .any }
    if !matching.isEmpty { return .records(matching) }
    if let cname = here.first(where: { $0.type == .cname }), case .cname(let target) = cname.data {
      return .cname(cname, target)
    }
    return .noData
  }
}
