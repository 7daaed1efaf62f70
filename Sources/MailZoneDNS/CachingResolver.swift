/// A cache for one run in front of any resolver: each (name, type) goes upstream once.
///
/// Concurrent askers of a question already on its way wait for that one query instead of sending
/// their own (in-flight de-duplication). Negative answers and failures are kept too: within one
/// audit a name that timed out is not worth another timeout.
///
/// With a `capacity`, memory is bounded for runs over very many domains: answers live in two
/// generations of at most `capacity / 2` each; a hit in the older one moves the answer to the
/// newer one, and when the newer one is full the older one is dropped. Answers that many domains
/// share (a provider's SPF include) stay; a question goes upstream again only if its answer went
/// unused while `capacity / 2` newer answers arrived. Questions in flight are never dropped.
public actor CachingResolver: Resolver {
  private struct Key: Hashable {
    let name: DNSName
    let type: RRType
  }

  private enum Entry {
    case ready(DNSResponse)
    case inFlight(Task<DNSResponse, Never>)
  }

  public nonisolated let upstream: any Resolver
  public nonisolated let capacity: Int?
  private var entries: [Key: Entry] = [:]
  private var older: [Key: DNSResponse] = [:]
  private var hits = 0
  private var joins = 0
  private var misses = 0

  public init(upstream: any Resolver) {
    self.upstream = upstream
    self.capacity = nil
  }

  /// Keeps at most `capacity` answers (nil: all of them, for the whole run).
  public init(upstream: any Resolver, capacity: Int?) {
    self.upstream = upstream
    self.capacity = capacity.map { max(2, $0) }
  }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    await queryNotingUpstream(name, type).response
  }

  /// The answer, and whether this call sent the question upstream (false for a cache hit or a
  /// join): per-domain query counts in a shared-cache run come from this.
  public func queryNotingUpstream(_ name: DNSName, _ type: RRType) async -> (response: DNSResponse, upstream: Bool) {
    let key = Key(name: name, type: type)
    switch entries[key] {
    case .ready(let response):
      hits += 1
      return (response, false)
    case .inFlight(let task):
      joins += 1
      return (await task.value, false)
    case nil:
      if let response = older.removeValue(forKey: key) {
        hits += 1
        store(key, response)
        return (response, false)
      }
      misses += 1
      let upstream = self.upstream
      let task = Task { await upstream.query(name, type) }
      entries[key] = .inFlight(task)
      let response = await task.value
      store(key, response)
      return (response, true)
    }
  }

  private func store(_ key: Key, _ response: DNSResponse) {
    entries[key] = .ready(response)
    guard let capacity, entries.count >= capacity / 2 else { return }
    // Rotate: the newer generation becomes the older one; questions in flight stay.
    var next: [Key: Entry] = [:]
    older = [:]
    older.reserveCapacity(entries.count)
    for (key, entry) in entries {
      switch entry {
      case .ready(let response): older[key] = response
      case .inFlight: next[key] = entry
      }
    }
    entries = next
  }

  /// Questions sent upstream, answered from the cache, and joined while in flight.
  public func counts() -> (upstream: Int, hits: Int, joins: Int) {
    (misses, hits, joins)
  }

  /// Forgets everything (for long-running callers between runs).
  public func removeAll() {
    entries.removeAll()
    older.removeAll()
  }
}
