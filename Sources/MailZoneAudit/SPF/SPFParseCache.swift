internal import MailZoneRecords
import Synchronization

/// SPF records parsed once per process. A bulk audit reaches the same provider records
/// (`_spf.google.com` and its `_netblocks` includes, ...) from thousands of domains, and parsing
/// is a pure function of the record's bytes, so a parse (or its error) is kept and reused.
///
/// Two generations bound the memory: entries go into the current one; when it is full it becomes
/// the previous one and the older is dropped. A record found in the previous generation moves to
/// the current one, so records many domains reach stay while each domain's own record passes
/// through.
final class SPFParseCache: Sendable {
  static let shared = SPFParseCache(generation: 1024)

  private struct Key: Hashable {
    let bytes: [UInt8]

    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }

  typealias Parsed = Result<SPFRecord, RecordParseError>

  private struct State {
    var current: [Key: Parsed] = [:]
    var previous: [Key: Parsed] = [:]
    var hits = 0

    mutating func insert(_ key: Key, _ parsed: Parsed, generation: Int) {
      if current.count >= generation {
        previous = current
        current = [:]
        current.reserveCapacity(generation)
      }
      current[key] = parsed
    }
  }

  /// Entries per generation.
  let generation: Int
  private let state = Mutex(State())

  init(generation: Int) {
    self.generation = max(1, generation)
  }

  /// `SPFRecord.parse(bytes:)`, from the cache when these bytes were parsed before.
  func parse(_ bytes: [UInt8]) -> Parsed {
    let key = Key(bytes: bytes)
    let cached = state.withLock { state -> Parsed? in
      if let hit = state.current[key] {
        state.hits += 1
        return hit
      }
      guard let hit = state.previous[key] else { return nil }
      state.hits += 1
      state.insert(key, hit, generation: generation)
      return hit
    }
    if let cached { return cached }
    let parsed = Parsed { () throws(RecordParseError) in try SPFRecord.parse(bytes: bytes) }
    state.withLock { $0.insert(key, parsed, generation: generation) }
    return parsed
  }

  /// Entries held now (both generations), for tests.
  var count: Int { state.withLock { $0.current.count + $0.previous.count } }

  /// Parses answered from the cache so far, for tests.
  var hits: Int { state.withLock { $0.hits } }
}
