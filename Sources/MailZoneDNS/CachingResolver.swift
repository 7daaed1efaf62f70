/// A cache for one run in front of any resolver: each (name, type) goes upstream once.
///
/// Concurrent askers of a question already on its way wait for that one query instead of sending
/// their own (in-flight de-duplication). Negative answers and failures are kept too: within one
/// audit a name that timed out is not worth another timeout.
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
  private var entries: [Key: Entry] = [:]
  private var hits = 0
  private var joins = 0
  private var misses = 0

  public init(upstream: any Resolver) {
    self.upstream = upstream
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
      misses += 1
      let upstream = self.upstream
      let task = Task { await upstream.query(name, type) }
      entries[key] = .inFlight(task)
      let response = await task.value
      entries[key] = .ready(response)
      return (response, true)
    }
  }

  /// Questions sent upstream, answered from the cache, and joined while in flight.
  public func counts() -> (upstream: Int, hits: Int, joins: Int) {
    (misses, hits, joins)
  }

  /// Forgets everything (for long-running callers between runs).
  public func removeAll() {
    entries.removeAll()
  }
}
