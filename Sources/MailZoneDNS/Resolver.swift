public import MailZoneNet

/// Answers DNS questions: live over the network, from zone files, or through a cache.
///
/// Implementations only provide `query`, one question and its reply as the server gave it.
/// The typed lookups in the extension classify the reply and follow CNAME chains the same way
/// for every implementation.
public protocol Resolver: Sendable {
  /// Asks one question. Never throws: a failure is a `DNSResponse` with `failure` set.
  func query(_ name: DNSName, _ type: RRType) async -> DNSResponse

  /// Asks several independent questions at once; the replies come back in question order.
  /// The default asks them concurrently through `query`. The live resolver and the cache
  /// override it to hand the whole batch over in one step (DKIM discovery asks ~40 at a time).
  func queryAll(_ questions: [DNSQuestion]) async -> [DNSResponse]
}

/// One question: a name and a type (class IN).
public struct DNSQuestion: Sendable, Hashable {
  public var name: DNSName
  public var type: RRType

  public init(_ name: DNSName, _ type: RRType) {
    self.name = name
    self.type = type
  }
}

extension Resolver {
  public func queryAll(_ questions: [DNSQuestion]) async -> [DNSResponse] {
    await withTaskGroup(of: (Int, DNSResponse).self) { group in
      for (index, question) in questions.enumerated() {
        group.addTask { (index, await query(question.name, question.type)) }
      }
      var responses = [DNSResponse](repeating: .failed(.error("not asked")), count: questions.count)
      for await (index, response) in group { responses[index] = response }
      return responses
    }
  }

  /// Looks up `type` at `name`, following CNAMEs (inside the reply and, when the chain leaves it,
  /// with new queries), and says how it ended.
  public func lookup(_ name: DNSName, _ type: RRType) async -> DNSAnswer<ResourceRecord> {
    await lookup(name, type, first: nil)
  }

  /// `lookup` for several names of one type: the first queries go out as one batch, and only
  /// CNAME chains that leave their reply need queries of their own. Answers are in name order.
  public func lookupAll(_ names: [DNSName], _ type: RRType) async -> [DNSAnswer<ResourceRecord>] {
    let first = await queryAll(names.map { DNSQuestion($0, type) })
    var answers: [DNSAnswer<ResourceRecord>] = []
    answers.reserveCapacity(names.count)
    for (name, response) in zip(names, first) {
      answers.append(await lookup(name, type, first: response))
    }
    return answers
  }

  /// TXT records at several names (see `lookupAll`).
  public func txtAll(_ names: [DNSName]) async -> [DNSAnswer<TXTData>] {
    await lookupAll(names, .txt).map { answer in answer.map { if case .txt(let t) = $0.data { t } else { nil } } }
  }

  /// The lookup loop; `first`, when given, is the reply to the first question, already asked.
  private func lookup(_ name: DNSName, _ type: RRType, first: DNSResponse?) async -> DNSAnswer<ResourceRecord> {
    var chain: [CNAMELink] = []
    var seen: Set<DNSName> = [name]
    var current = name
    var pending = first
    let follows = type != .cname && type != .any
    for _ in 0..<CNAMEChase.maxQueries {
      let response: DNSResponse
      if let reply = pending {
        response = reply
        pending = nil
      } else {
        response = await query(current, type)
      }
      var walk = CNAMEChase(current: current, chain: chain, seen: seen)
      let step = walk.step(response, type: type, follows: follows)
      chain = walk.chain
      seen = walk.seen
      switch step {
      case .done(let status, let records):
        var answer = DNSAnswer(
          name: name, type: type, status: status, records: records, cnameChain: chain,
          authenticated: response.flags.authenticData, ttl: records.map(\.ttl).min())
        answer.server = response.server
        answer.transport = response.transport
        return answer
      case .requery(let target):
        current = target
      }
    }
    return DNSAnswer(name: name, type: type, status: .cnameLoop, records: [], cnameChain: chain)
  }

  /// TXT records; each keeps its character-strings as raw bytes.
  public func txt(_ name: DNSName) async -> DNSAnswer<TXTData> {
    await lookup(name, .txt).map { if case .txt(let t) = $0.data { t } else { nil } }
  }

  public func mx(_ name: DNSName) async -> DNSAnswer<MXData> {
    await lookup(name, .mx).map { if case .mx(let m) = $0.data { m } else { nil } }
  }

  public func a(_ name: DNSName) async -> DNSAnswer<IPv4Address> {
    await lookup(name, .a).map { if case .a(let v) = $0.data { v } else { nil } }
  }

  public func aaaa(_ name: DNSName) async -> DNSAnswer<IPv6Address> {
    await lookup(name, .aaaa).map { if case .aaaa(let v) = $0.data { v } else { nil } }
  }

  public func cname(_ name: DNSName) async -> DNSAnswer<DNSName> {
    await lookup(name, .cname).map { if case .cname(let v) = $0.data { v } else { nil } }
  }

  public func ptr(_ name: DNSName) async -> DNSAnswer<DNSName> {
    await lookup(name, .ptr).map { if case .ptr(let v) = $0.data { v } else { nil } }
  }

  public func ns(_ name: DNSName) async -> DNSAnswer<DNSName> {
    await lookup(name, .ns).map { if case .ns(let v) = $0.data { v } else { nil } }
  }

  public func soa(_ name: DNSName) async -> DNSAnswer<SOAData> {
    await lookup(name, .soa).map { if case .soa(let v) = $0.data { v } else { nil } }
  }

  public func tlsa(_ name: DNSName) async -> DNSAnswer<TLSAData> {
    await lookup(name, .tlsa).map { if case .tlsa(let v) = $0.data { v } else { nil } }
  }
}

/// One reply's worth of CNAME chasing: what the reply settles and where to ask next.
struct CNAMEChase {
  /// RFC 1034 puts no limit on chains; resolvers stop around 8-16. Past this, a loop is assumed.
  static let maxQueries = 12
  static let maxLinks = 16

  enum Step {
    case done(DNSStatus, [ResourceRecord])
    case requery(DNSName)
  }

  var current: DNSName
  var chain: [CNAMELink]
  var seen: Set<DNSName>

  mutating func step(_ response: DNSResponse, type: RRType, follows: Bool) -> Step {
    if let failure = response.failure {
      switch failure {
      case .timeout: return .done(.timeout, [])
      case .error(let message): return .done(.error(message), [])
      case .outsideZones: return .done(.outsideZones, [])
      }
    }
    let startCount = chain.count
    while true {
      let here = response.answer.filter { $0.owner == current }
      let matching = here.filter { $0.type == type || type == .any }
      if !matching.isEmpty { return .done(.noError, matching) }
      guard follows, let link = here.first(where: { $0.type == .cname }), case .cname(let target) = link.data
      else { break }
      chain.append(CNAMELink(owner: current, target: target, ttl: link.ttl))
      if seen.contains(target) || chain.count > CNAMEChase.maxLinks { return .done(.cnameLoop, []) }
      seen.insert(target)
      current = target
    }
    return settle(response, advanced: chain.count > startCount)
  }

  /// The reply had no records of the type at `current`: classify it, or ask again at the target.
  private func settle(_ response: DNSResponse, advanced: Bool) -> Step {
    switch response.rcode {
    case DNSResponse.noError:
      let soa = response.authority.first { $0.type == .soa }
      if advanced {
        // The chain left the reply. If the SOA of the target's zone came along, the target has no
        // such data; otherwise the target lives elsewhere and needs its own query.
        if let soa, current.isSubdomain(of: soa.owner) { return .done(.noData, []) }
        return .requery(current)
      }
      let delegated = response.authority.contains { $0.type == .ns } && soa == nil && !response.flags.authoritative
      return .done(delegated ? .referral : .noData, [])
    case DNSResponse.nxDomain:
      return .done(.nxDomain, [])
    case DNSResponse.servFail:
      return .done(.servFail, [])
    case DNSResponse.refused:
      return .done(.refused, [])
    default:
      return .done(.otherRcode(response.rcode), [])
    }
  }
}
