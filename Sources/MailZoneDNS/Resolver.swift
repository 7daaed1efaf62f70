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

  /// `queryAll` for questions only this asker asks, each once (DKIM selector probes below the
  /// audited domain): a cache passes them straight upstream, since storing answers nobody asks
  /// again, then forgetting them, costs more than it saves. The default is `queryAll`.
  func queryAllOnce(_ questions: [DNSQuestion]) async -> [DNSResponse]

  /// True when answers stay for the rest of the run (the cache): asking a batch ahead of time
  /// then makes the later single questions free. False by default.
  var keepsAnswers: Bool { get }
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
  public var keepsAnswers: Bool { false }

  public func queryAllOnce(_ questions: [DNSQuestion]) async -> [DNSResponse] {
    await queryAll(questions)
  }

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
    var walk = CNAMEChase(name: name, type: type)
    var response = await query(name, type)
    // Most replies settle at once; only a chain that leaves its reply needs further queries.
    var queries = 1
    while case .requery(let target) = walk.step(response), queries < CNAMEChase.maxQueries {
      response = await query(target, type)
      queries += 1
    }
    return walk.answer(response)
  }

  /// `lookup` for several names of one type: the first queries go out as one batch, and only
  /// CNAME chains that leave their reply need queries of their own. Answers are in name order.
  public func lookupAll(_ names: [DNSName], _ type: RRType, once: Bool = false) async -> [DNSAnswer<ResourceRecord>] {
    await lookupAll(names.map { DNSQuestion($0, type) }, once: once)
  }

  /// `lookup` for several questions of any types, asked as one batch; answers in question order.
  /// CNAME chains that leave their reply are chased together: each further step is one batch too.
  /// With `once`, the first batch goes through `queryAllOnce` (the chains' targets, which other
  /// askers may share, do not).
  public func lookupAll(_ questions: [DNSQuestion], once: Bool = false) async -> [DNSAnswer<ResourceRecord>] {
    var walks = questions.map { CNAMEChase(name: $0.name, type: $0.type) }
    var replies = await once ? queryAllOnce(questions) : queryAll(questions)
    var chasing = Array(questions.indices)
    var queries = 1
    while !chasing.isEmpty {
      var next: [(index: Int, question: DNSQuestion)] = []
      for index in chasing {
        if case .requery(let target) = walks[index].step(replies[index]) {
          next.append((index, DNSQuestion(target, questions[index].type)))
        }
      }
      // Past the budget, the chains still going end as loops (`answer` with nothing settled).
      guard !next.isEmpty, queries < CNAMEChase.maxQueries else { break }
      for (entry, reply) in zip(next, await queryAll(next.map(\.question))) { replies[entry.index] = reply }
      chasing = next.map(\.index)
      queries += 1
    }
    return zip(walks, replies).map { walk, reply in walk.answer(reply) }
  }

  /// TXT records at several names (see `lookupAll`, and its `once`).
  public func txtAll(_ names: [DNSName], once: Bool = false) async -> [DNSAnswer<TXTData>] {
    await lookupAll(names, .txt, once: once).map { answer in
      answer.map { if case .txt(let t) = $0.data { t } else { nil } }
    }
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

/// CNAME chasing over one lookup's replies: what each reply settles and where to ask next.
struct CNAMEChase {
  /// RFC 1034 puts no limit on chains; resolvers stop around 8-16. Past this, a loop is assumed.
  static let maxQueries = 12
  static let maxLinks = 16

  enum Step {
    case done
    case requery(DNSName)
  }

  let name: DNSName
  let type: RRType
  let follows: Bool
  private(set) var current: DNSName
  private(set) var chain: [CNAMELink] = []
  private var outcome: (status: DNSStatus, records: [ResourceRecord])?

  init(name: DNSName, type: RRType) {
    self.name = name
    self.type = type
    follows = type != .cname && type != .any
    current = name
  }

  /// The answer once the chase is over: what the last step settled, or a loop when the query
  /// budget ran out first.
  func answer(_ last: DNSResponse) -> DNSAnswer<ResourceRecord> {
    guard let outcome else {
      return DNSAnswer(name: name, type: type, status: .cnameLoop, records: [], cnameChain: chain)
    }
    var ttl: UInt32?
    for record in outcome.records { ttl = min(ttl ?? record.ttl, record.ttl) }
    var answer = DNSAnswer(
      name: name, type: type, status: outcome.status, records: outcome.records, cnameChain: chain,
      authenticated: last.flags.authenticData, ttl: ttl)
    answer.server = last.server
    answer.transport = last.transport
    return answer
  }

  /// A name already in the chain: the chain loops. Chains are at most 16 links, so a scan is
  /// cheaper than a set.
  private func visited(_ target: DNSName) -> Bool {
    target == name || chain.contains { $0.target == target }
  }

  mutating func step(_ response: DNSResponse) -> Step {
    if let failure = response.failure {
      switch failure {
      case .timeout: return settle(.timeout)
      case .error(let message): return settle(.error(message))
      case .outsideZones: return settle(.outsideZones)
      }
    }
    let startCount = chain.count
    while true {
      var matching: [ResourceRecord] = []
      var link: ResourceRecord?
      for record in response.answer where record.owner == current {
        if record.type == type || type == .any {
          matching.append(record)
        } else if link == nil, record.type == .cname {
          link = record
        }
      }
      if !matching.isEmpty { return settle(.noError, matching) }
      guard follows, let link, case .cname(let target) = link.data else { break }
      let loops = visited(target)
      chain.append(CNAMELink(owner: current, target: target, ttl: link.ttl))
      if loops || chain.count > CNAMEChase.maxLinks { return settle(.cnameLoop) }
      current = target
    }
    return classify(response, advanced: chain.count > startCount)
  }

  private mutating func settle(_ status: DNSStatus, _ records: [ResourceRecord] = []) -> Step {
    outcome = (status, records)
    return .done
  }

  /// The reply had no records of the type at `current`: classify it, or ask again at the target.
  private mutating func classify(_ response: DNSResponse, advanced: Bool) -> Step {
    switch response.rcode {
    case DNSResponse.noError:
      let soa = response.authority.first { $0.type == .soa }
      if advanced {
        // The chain left the reply. If the SOA of the target's zone came along, the target has no
        // such data; otherwise the target lives elsewhere and needs its own query.
        if let soa, current.isSubdomain(of: soa.owner) { return settle(.noData) }
        return .requery(current)
      }
      let delegated = response.authority.contains { $0.type == .ns } && soa == nil && !response.flags.authoritative
      return settle(delegated ? .referral : .noData)
    case DNSResponse.nxDomain:
      return settle(.nxDomain)
    case DNSResponse.servFail:
      return settle(.servFail)
    case DNSResponse.refused:
      return settle(.refused)
    default:
      return settle(.otherRcode(response.rcode))
    }
  }
}
