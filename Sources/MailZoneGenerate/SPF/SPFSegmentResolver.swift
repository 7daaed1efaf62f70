import MailZoneAudit
public import MailZoneDNS
import MailZoneNet
public import MailZoneRecords

/// Resolves each term of an SPF record to the addresses it matches, following includes and
/// redirects, with `a`/`mx` resolved at the domain whose record holds them.
public struct SPFSegmentResolver: Sendable {
  public let resolver: any Resolver
  /// Include/redirect depth past which a tree is left live (check_host would hit the limit first).
  static let maxDepth = 12

  public init(resolver: any Resolver) { self.resolver = resolver }

  /// The published record of `domain`, parsed; throws when there is none to flatten.
  public func record(_ domain: DNSName) async throws(SPFFlattenError) -> SPFRecord {
    switch await SPFRecordSource.lookup(domain, resolver: resolver) {
    case .found(let record, _): return record
    case .dnsError(let status): throw SPFFlattenError(.dnsFailure, "TXT lookup of \(domain) failed: \(status)")
    case .none: throw SPFFlattenError(.noRecord, "\(domain) has no SPF record")
    case .multiple(let texts): throw SPFFlattenError(.noRecord, "\(domain) has \(texts.count) SPF records")
    case .malformed(let error, _): throw SPFFlattenError(.noRecord, "\(domain)'s SPF record: \(error.message)")
    }
  }

  /// One segment per directive of `record` (owned by `domain`), then the redirect's, if it applies.
  public func segments(
    of record: SPFRecord, at domain: DNSName, depth: Int = 0, visiting: Set<DNSName> = []
  ) async throws(SPFFlattenError) -> [SPFSegment] {
    var result: [SPFSegment] = []
    for term in record.terms {
      guard case .directive(let qualifier, let mechanism) = term.kind else { continue }
      let segment = try await resolve(mechanism, term: term, at: domain, depth: depth, visiting: visiting)
      result.append(
        SPFSegment(
          term: term, qualifier: qualifier, addresses: segment.addresses, cost: segment.cost, note: segment.note,
          canStayLive: depth == 0 && segment.keepable))
    }
    // RFC 7208 §6.1: redirect applies only when the record has no `all`.
    let hasAll = record.directives.contains { $0.mechanism == .all }
    if let redirect = record.redirect, !hasAll {
      result += try await follow(redirect, from: domain, depth: depth, visiting: visiting)
    }
    return result
  }

  struct Resolved {
    var addresses: CIDRSet?
    var cost: Int
    var note: String
    var keepable = false
  }

  private func resolve(
    _ mechanism: SPFMechanism, term: SPFTerm, at domain: DNSName, depth: Int, visiting: Set<DNSName>
  ) async throws(SPFFlattenError) -> Resolved {
    switch mechanism {
    case .all:
      return Resolved(addresses: .everything, cost: 0, note: "all")
    case .ip4(let address, let prefix):
      return Resolved(addresses: CIDRSet([IPNetwork(.v4(address), prefix: prefix ?? 32)]), cost: 0, note: "literal")
    case .ip6(let address, let prefix):
      return Resolved(addresses: CIDRSet([IPNetwork(.v6(address), prefix: prefix ?? 128)]), cost: 0, note: "literal")
    case .a(let spec, let cidr):
      guard let target = Self.name(spec, default: domain) else { return Self.macroLive }
      let set = try await addresses(of: target, cidr: cidr)
      return Resolved(addresses: set, cost: 1, note: "a at \(target): \(set.networks.count) networks")
    case .mx(let spec, let cidr):
      guard let target = Self.name(spec, default: domain) else { return Self.macroLive }
      return try await mxAddresses(target, cidr: cidr)
    case .ptr:
      return Resolved(addresses: nil, cost: 1, note: "ptr depends on the client's reverse DNS: always live")
    case .exists(let spec):
      let why = spec.isMacroFree ? "exists is a live test" : "exists with macros depends on the client"
      return Resolved(addresses: nil, cost: 1, note: why + ": always live")
    case .include(let spec):
      guard let target = Self.name(spec, default: domain) else { return Self.macroLive }
      return try await include(target, depth: depth, visiting: visiting)
    }
  }

  static let macroLive = Resolved(addresses: nil, cost: 1, note: "its domain-spec has macros: always live")

  static func name(_ spec: MacroString?, default owner: DNSName) -> DNSName? {
    guard let spec else { return owner }
    guard let text = spec.literalValue else { return nil }
    return try? DNSName(text)
  }

  private func include(_ target: DNSName, depth: Int, visiting: Set<DNSName>) async throws(SPFFlattenError)
    -> Resolved
  {
    guard depth < Self.maxDepth, !visiting.contains(target) else {
      return Resolved(addresses: nil, cost: 1, note: "include loop or too deep at \(target): left live")
    }
    let record: SPFRecord
    do {
      record = try await self.record(target)
    } catch let error where error.code == .noRecord {
      return Resolved(addresses: nil, cost: 1, note: "\(error.message): a permerror as published, left live")
    }
    let children = try await segments(of: record, at: target, depth: depth + 1, visiting: visiting.union([target]))
    let cost = 1 + children.map(\.cost).reduce(0, +)
    guard let pass = SPFSegment.passSet(children) else {
      let live = children.first { $0.addresses == nil }.map { $0.term.rendered } ?? "a live term"
      return Resolved(addresses: nil, cost: cost, note: "\(target) holds \(live): left live")
    }
    return Resolved(
      addresses: pass, cost: cost, note: "\(target): \(pass.networks.count) networks pass", keepable: true)
  }

  private func follow(_ redirect: MacroString, from domain: DNSName, depth: Int, visiting: Set<DNSName>)
    async throws(SPFFlattenError) -> [SPFSegment]
  {
    let term = SPFTerm(.modifier(.redirect(redirect)))
    func live(_ note: String, cost: Int = 1) -> [SPFSegment] {
      [SPFSegment(term: term, qualifier: .pass, addresses: nil, cost: cost, note: note, canStayLive: depth == 0)]
    }
    guard let target = Self.name(redirect, default: domain) else { return live("redirect with macros: live") }
    guard depth < Self.maxDepth, !visiting.contains(target) else { return live("redirect loop at \(target)") }
    let record: SPFRecord
    do {
      record = try await self.record(target)
    } catch let error where error.code == .noRecord {
      return live("\(error.message): a permerror as published, left live")
    }
    let inlined = try await segments(of: record, at: target, depth: depth + 1, visiting: visiting.union([target]))
    if let relative = inlined.first(where: { $0.isForcedLive && $0.isDomainRelative }) {
      let note = "\(target) holds \(relative.term.rendered), which depends on its own domain: redirect kept"
      return live(note, cost: 1 + inlined.map(\.cost).reduce(0, +))
    }
    // The target's record decides everything the record before it did not: its terms take the
    // redirect's place (RFC 7208 §6.1), a/mx resolved at the target, live terms moved as they are.
    let marker = SPFSegment(
      term: term, qualifier: .neutral, addresses: CIDRSet(), cost: 1, note: "redirect=\(target) inlined",
      canStayLive: false)
    return [marker]
      + inlined.map { segment in
        var copy = segment
        copy.note = "redirect=\(target): " + segment.note
        // A static include means the same in any record, so it may stay live here too.
        copy.canStayLive = depth == 0 && copy.includeTarget != nil && copy.addresses != nil && !copy.isDomainRelative
        return copy
      }
  }
}
