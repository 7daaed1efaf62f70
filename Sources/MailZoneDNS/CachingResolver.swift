import Synchronization

/// A cache for one run in front of any resolver: each (name, type) goes upstream once.
///
/// Concurrent askers of a question already on its way wait for that one query instead of sending
/// their own (in-flight de-duplication). Negative answers and failures are kept too: within one
/// audit a name that timed out is not worth another timeout.
///
/// A bulk run asks most of its questions about the audited domains' own names (`D`, `_dmarc.D`,
/// `sel._domainkey.D`, `D._report._dmarc.vendor`), which no other domain asks. A `Scope` per
/// audited domain lets the cache forget those when that audit ends, so memory stays flat over a
/// long domain list, while answers any other audit also asked for (providers' SPF, MX hosts)
/// stay for the whole run. The state sits behind one lock, not an actor: a question costs no
/// executor hop and no task.
public final class CachingResolver: Resolver {
  private struct Key: Hashable {
    let name: DNSName
    let type: RRType
  }

  private enum Slot {
    case ready(DNSResponse)
    case inFlight([CheckedContinuation<DNSResponse, Never>])
  }

  private struct Entry {
    var slot: Slot
    /// The scope that sent the question (0: none); `shared` once any other asker wanted it too.
    var owner: UInt64
    var shared = false
  }

  private struct State {
    var entries: [Key: Entry] = [:]
    /// Questions each live scope sent, to forget when it ends.
    var owned: [UInt64: [Key]] = [:]
    var nextScope: UInt64 = 1
    /// Apex answers of ended scopes, oldest first (see `end`).
    var retired: [Key] = []
    var retiredHead = 0
    var hits = 0
    var joins = 0
    var misses = 0
  }

  private enum Step {
    case hit(DNSResponse)
    case join
    case fetch
  }

  public let upstream: any Resolver
  /// How many apex answers of ended scopes are kept for other domains that may still ask.
  public let retainedApexAnswers: Int
  private let state = Mutex(State())

  public init(upstream: any Resolver, retainedApexAnswers: Int = 100_000) {
    self.upstream = upstream
    self.retainedApexAnswers = max(0, retainedApexAnswers)
  }

  public var keepsAnswers: Bool { true }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    await ask(name, type, scope: 0).response
  }

  public func queryAll(_ questions: [DNSQuestion]) async -> [DNSResponse] {
    await askAll(questions, scope: 0).map(\.response)
  }

  /// Straight upstream, not kept (see `Resolver.queryAllOnce`).
  public func queryAllOnce(_ questions: [DNSQuestion]) async -> [DNSResponse] {
    state.withLock { $0.misses += questions.count }
    return await upstream.queryAllOnce(questions)
  }

  /// A resolver for one audited domain's questions: they share this cache, are counted, and the
  /// ones about the domain's own names that nobody else asked are forgotten by `end()`.
  public func scope(for domain: DNSName) -> Scope {
    let id = state.withLock { state in
      defer { state.nextScope += 1 }
      return state.nextScope
    }
    return Scope(cache: self, id: id, domain: domain)
  }

  /// Questions sent upstream, answered from the cache, and joined while in flight.
  public func counts() async -> (upstream: Int, hits: Int, joins: Int) {
    state.withLock { ($0.misses, $0.hits, $0.joins) }
  }

  /// Answers held now.
  public func entryCount() async -> Int {
    state.withLock { $0.entries.count }
  }

  fileprivate func ask(_ name: DNSName, _ type: RRType, scope: UInt64) async -> (response: DNSResponse, upstream: Bool)
  {
    let key = Key(name: name, type: type)
    let step = state.withLock { CachingResolver.classify(key, scope: scope, in: &$0) }
    switch step {
    case .hit(let response):
      return (response, false)
    case .join:
      return (await join(key), false)
    case .fetch:
      let response = await upstream.query(name, type)
      complete([key], [response])
      return (response, true)
    }
  }

  /// A hit, a join of the query in flight, or a miss (then marked in flight, owned by `scope`).
  private static func classify(_ key: Key, scope: UInt64, in state: inout State) -> Step {
    // One lookup, and the entry is changed in place (a copy would retain its response).
    if let index = state.entries.index(forKey: key) {
      if state.entries.values[index].owner != scope { state.entries.values[index].shared = true }
      switch state.entries.values[index].slot {
      case .ready(let response):
        state.hits += 1
        return .hit(response)
      case .inFlight:
        state.joins += 1
        return .join
      }
    }
    state.misses += 1
    state.entries[key] = Entry(slot: .inFlight([]), owner: scope)
    if scope != 0 { state.owned[scope, default: []].append(key) }
    return .fetch
  }

  /// `ask` for a batch: one pass under the lock sorts hits, joins and misses, and the misses go
  /// upstream as one batch.
  fileprivate func askAll(_ questions: [DNSQuestion], scope: UInt64) async -> [(response: DNSResponse, upstream: Bool)]
  {
    let keys = questions.map { Key(name: $0.name, type: $0.type) }
    let steps = state.withLock { state in keys.map { CachingResolver.classify($0, scope: scope, in: &state) } }
    let fetchIndices = steps.indices.filter { if case .fetch = steps[$0] { true } else { false } }
    var results = [(response: DNSResponse, upstream: Bool)](
      repeating: (.failed(.error("not asked")), false), count: questions.count)
    if !fetchIndices.isEmpty {
      let responses = await upstream.queryAll(fetchIndices.map { questions[$0] })
      complete(fetchIndices.map { keys[$0] }, responses)
      for (index, response) in zip(fetchIndices, responses) { results[index] = (response, true) }
    }
    for (index, step) in steps.enumerated() {
      switch step {
      case .hit(let response): results[index] = (response, false)
      case .join: results[index] = (await join(keys[index]), false)
      case .fetch: break
      }
    }
    return results
  }

  /// Stores the answers to questions this cache sent and wakes whoever joined them.
  private func complete(_ keys: [Key], _ responses: [DNSResponse]) {
    let waiters = state.withLock { state -> [(CheckedContinuation<DNSResponse, Never>, DNSResponse)] in
      var out: [(CheckedContinuation<DNSResponse, Never>, DNSResponse)] = []
      for (key, response) in zip(keys, responses) {
        guard let index = state.entries.index(forKey: key), case .inFlight(let list) = state.entries.values[index].slot
        else { continue }
        state.entries.values[index].slot = .ready(response)
        for waiter in list { out.append((waiter, response)) }
      }
      return out
    }
    for (waiter, response) in waiters { waiter.resume(returning: response) }
  }

  /// Waits for the question in flight. Entries in flight are never removed, so a waiter added
  /// here is always resumed by the asker that sent the question.
  private func join(_ key: Key) async -> DNSResponse {
    enum Outcome {
      case ready(DNSResponse)
      case waiting
      case gone
    }
    return await withCheckedContinuation { continuation in
      let outcome: Outcome = state.withLock { state in
        guard var entry = state.entries[key] else { return .gone }
        switch entry.slot {
        case .ready(let response):
          return .ready(response)
        case .inFlight(var waiters):
          waiters.append(continuation)
          entry.slot = .inFlight(waiters)
          state.entries[key] = entry
          return .waiting
        }
      }
      switch outcome {
      case .ready(let response): continuation.resume(returning: response)
      case .waiting: break
      case .gone: continuation.resume(returning: .failed(.error("cache entry vanished while in flight")))
      }
    }
  }

  /// Forgets what only this scope asked about its domain's own names. Names below the domain
  /// (`_dmarc.D`, `sel._domainkey.D`) and names that start with it (`D._report._dmarc.vendor`)
  /// go at once: no other domain's audit asks them. Answers at the apex itself are asked by other
  /// domains too (a report address at D needs D's MX, an SPF record may include D), so they stay
  /// until `retainedApexAnswers` newer ones have been retired; within that many, no question is
  /// sent twice in a run.
  fileprivate func end(scope: UInt64, domain: DNSName) {
    state.withLock { state in
      guard let keys = state.owned.removeValue(forKey: scope) else { return }
      for key in keys {
        guard let index = state.entries.index(forKey: key), state.entries.values[index].owner == scope,
          !state.entries.values[index].shared, case .ready = state.entries.values[index].slot
        else { continue }
        if key.name == domain {
          state.retired.append(key)
        } else if key.name.isSubdomain(of: domain) || key.name.starts(with: domain) {
          state.entries.remove(at: index)
        }
      }
      while state.retired.count - state.retiredHead > retainedApexAnswers {
        let key = state.retired[state.retiredHead]
        state.retiredHead += 1
        if let entry = state.entries[key], !entry.shared, case .ready = entry.slot {
          state.entries.removeValue(forKey: key)
        }
      }
      if state.retiredHead >= 4096 && state.retiredHead * 2 >= state.retired.count {
        state.retired.removeFirst(state.retiredHead)
        state.retiredHead = 0
      }
    }
  }

  /// One audited domain's view of the cache (see `scope(for:)`).
  public final class Scope: Resolver {
    private let cache: CachingResolver
    private let id: UInt64
    public let domain: DNSName
    private let sent = Mutex(0)

    fileprivate init(cache: CachingResolver, id: UInt64, domain: DNSName) {
      self.cache = cache
      self.id = id
      self.domain = domain
    }

    public var keepsAnswers: Bool { true }

    public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
      let (response, upstream) = await cache.ask(name, type, scope: id)
      if upstream { sent.withLock { $0 += 1 } }
      return response
    }

    public func queryAll(_ questions: [DNSQuestion]) async -> [DNSResponse] {
      let results = await cache.askAll(questions, scope: id)
      let sentNow = results.count { $0.upstream }
      if sentNow > 0 { sent.withLock { $0 += sentNow } }
      return results.map(\.response)
    }

    public func queryAllOnce(_ questions: [DNSQuestion]) async -> [DNSResponse] {
      sent.withLock { $0 += questions.count }
      return await cache.queryAllOnce(questions)
    }

    /// Questions this scope sent on the wire (cache hits from other domains' work excluded).
    public var upstreamQueries: Int { sent.withLock { $0 } }

    /// Forgets the answers about the domain's own names that no other asker wanted.
    public func end() {
      cache.end(scope: id, domain: domain)
    }
  }
}
