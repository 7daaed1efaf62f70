/// Per-nameserver pacing for the query engine: an optional token bucket (`--qps`) and an AIMD
/// window of attempts in flight, so a rate-limiting server is not hammered.
///
/// A timeout or REFUSED from a server halves its window (and its rate, under `--qps`) down to a
/// floor, at most once per round: an attempt sent before the last cut cannot cut again, so a burst
/// of refusals to one window counts as one signal (as TCP's congestion control does). Each other
/// reply raises the window by one and the rate by one query per second, back up to the configured
/// ceilings. A healthy server never sees a timeout or REFUSED, so its window stays at
/// `maxInFlight` and pacing costs it nothing. Attempts that may not start yet wait in a FIFO per
/// server. Times are monotonic nanoseconds. Confined to the engine's event loop, like the rest of
/// its state.
struct Pacer {
  /// The window never shrinks below this many attempts in flight (nor above `maxInFlight`).
  static let windowFloor = 8.0

  private struct Server {
    var window: Double
    var rate: Double?
    var tokens: Double
    var refilled: UInt64
    var inFlight = 0
    /// Bumped at every cut; an attempt remembers the epoch it was sent in.
    var epoch = 0
    var queue: [UInt16] = []
    var queueHead = 0

    var hasQueue: Bool { queueHead < queue.count }
  }

  private let maxWindow: Double
  private let maxRate: Double?
  private var servers: [Server]
  /// Attempts holding a window slot, by query ID: the server and the epoch they were sent in.
  private var holding: [UInt16: (server: Int, epoch: Int)] = [:]
  /// Attempts waiting in some server's queue.
  private var queued: Set<UInt16> = []
  private(set) var windowReductions = 0

  init(servers count: Int, maxInFlight: Int, qps: Double?, now: UInt64) {
    maxWindow = Double(max(1, maxInFlight))
    maxRate = qps
    servers = Array(
      repeating: Server(window: maxWindow, rate: qps, tokens: qps.map(Self.burst) ?? 0, refilled: now),
      count: max(1, count))
  }

  /// Bucket size: a tenth of a second's worth, at least one query.
  private static func burst(_ rate: Double) -> Double { max(1, rate / 10) }

  /// The lowest rate a cut reaches: a sixteenth of `--qps`, at least one query a second.
  private var rateFloor: Double { max(1, (maxRate ?? 16) / 16) }

  /// The current window and rate of `server` (for tests and statistics).
  func limits(server: Int) -> (window: Double, rate: Double?) {
    (servers[server].window, servers[server].rate)
  }

  /// True when `id` may go to `server` now (it then holds a slot until `ended`); otherwise it is
  /// queued and `ready` hands it back later.
  mutating func request(_ id: UInt16, server: Int, now: UInt64) -> Bool {
    if servers[server].hasQueue || !mayStart(server, now: now) {
      servers[server].queue.append(id)
      queued.insert(id)
      return false
    }
    take(id, server: server)
    return true
  }

  /// Charges a send that bypasses the window (the TCP retry after TC=1) to the server's bucket.
  mutating func charge(server: Int, now: UInt64) {
    guard servers[server].rate != nil else { return }
    refill(server, now: now)
    servers[server].tokens -= 1
  }

  /// The attempt `id` ended; `congested` for a timeout or REFUSED. Harmless for an id that holds
  /// no slot (one only queued is dropped from its queue).
  mutating func ended(_ id: UInt16, congested: Bool) {
    guard let (server, epoch) = holding.removeValue(forKey: id) else {
      if queued.remove(id) != nil { drop(id) }
      return
    }
    servers[server].inFlight -= 1
    if congested {
      guard epoch == servers[server].epoch else { return }
      windowReductions += 1
      servers[server].epoch += 1
      servers[server].window = min(maxWindow, max(Self.windowFloor, servers[server].window / 2))
      if let rate = servers[server].rate { servers[server].rate = max(rateFloor, rate / 2) }
    } else {
      servers[server].window = min(maxWindow, servers[server].window + 1)
      if let rate = servers[server].rate, let maxRate { servers[server].rate = min(maxRate, rate + 1) }
    }
  }

  /// Queued attempts that may start now (each then holds a slot), and when to look again if some
  /// wait for tokens.
  mutating func ready(now: UInt64) -> (ids: [UInt16], wake: UInt64?) {
    guard !queued.isEmpty else { return ([], nil) }
    var ids: [UInt16] = []
    var wake: UInt64?
    for index in servers.indices {
      while servers[index].hasQueue, mayStart(index, now: now) {
        let id = servers[index].queue[servers[index].queueHead]
        servers[index].queueHead += 1
        queued.remove(id)
        take(id, server: index)
        ids.append(id)
      }
      compact(index)
      if servers[index].hasQueue, let rate = servers[index].rate, servers[index].tokens < 1,
        Double(servers[index].inFlight) < servers[index].window
      {
        let when = now + UInt64(((1 - servers[index].tokens) / rate * 1e9).rounded(.up))
        wake = wake.map { min($0, when) } ?? when
      }
    }
    return (ids, wake)
  }

  private mutating func mayStart(_ server: Int, now: UInt64) -> Bool {
    guard Double(servers[server].inFlight) < servers[server].window else { return false }
    guard servers[server].rate != nil else { return true }
    refill(server, now: now)
    return servers[server].tokens >= 1
  }

  private mutating func take(_ id: UInt16, server: Int) {
    servers[server].inFlight += 1
    if servers[server].rate != nil { servers[server].tokens -= 1 }
    holding[id] = (server, servers[server].epoch)
  }

  private mutating func refill(_ server: Int, now: UInt64) {
    guard let rate = servers[server].rate, now > servers[server].refilled else { return }
    let elapsed = Double(now - servers[server].refilled) / 1e9
    servers[server].tokens = min(Self.burst(rate), servers[server].tokens + elapsed * rate)
    servers[server].refilled = now
  }

  private mutating func drop(_ id: UInt16) {
    for index in servers.indices {
      if let position = servers[index].queue[servers[index].queueHead...].firstIndex(of: id) {
        servers[index].queue.remove(at: position)
        return
      }
    }
  }

  /// Drops the consumed front of a queue: at once when it is empty, else once it is the larger half
  /// (a queue that never drains must not grow with the run).
  private mutating func compact(_ server: Int) {
    let head = servers[server].queueHead
    if head == servers[server].queue.count {
      servers[server].queue.removeAll(keepingCapacity: true)
      servers[server].queueHead = 0
    } else if head >= 1024, head * 2 >= servers[server].queue.count {
      servers[server].queue.removeFirst(head)
      servers[server].queueHead = 0
    }
  }
}
