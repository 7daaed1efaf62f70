import NIOCore
import NIOPosix

#if canImport(Glibc)
  import Glibc
#endif

/// A raw reply handed from the event loop to the task that asked, which parses it.
enum RawReply: Sendable {
  case reply([UInt8], DNSResponse.Transport, server: String)
  case failure(DNSResponse.Failure, server: String?)
}

/// Many queries in flight over one connected UDP socket per nameserver, on one event loop.
///
/// All mutable state is touched on `loop` only: every entry point hops there with `execute`, and
/// the channel handlers run there. That confinement is what makes the `@unchecked Sendable` sound.
final class QueryEngine: @unchecked Sendable {
  struct Job {
    let query: [UInt8]
    let question: ArraySlice<UInt8>
    let completion: Completion
  }

  /// Who waits for a job: one task, or a batch that resumes its task when its last job ends.
  enum Completion {
    case single(CheckedContinuation<RawReply, Never>)
    case batch(BatchCollector, index: Int)

    func deliver(_ reply: RawReply) {
      switch self {
      case .single(let continuation): continuation.resume(returning: reply)
      case .batch(let collector, let index): collector.deliver(reply, at: index)
      }
    }
  }

  /// Gathers a batch's replies. Only touched on the engine's loop (jobs end there), which is
  /// what makes the `@unchecked Sendable` sound.
  final class BatchCollector: @unchecked Sendable {
    private var replies: [RawReply?]
    private var remaining: Int
    private let continuation: CheckedContinuation<[RawReply], Never>

    init(count: Int, continuation: CheckedContinuation<[RawReply], Never>) {
      replies = Array(repeating: nil, count: count)
      remaining = count
      self.continuation = continuation
    }

    func deliver(_ reply: RawReply, at index: Int) {
      guard replies[index] == nil else { return }
      replies[index] = reply
      remaining -= 1
      if remaining == 0 {
        continuation.resume(returning: replies.map { $0 ?? .failure(.error("no reply"), server: nil) })
      }
    }
  }

  /// One question in flight, kept by reference in its ID's slot so state changes are in place.
  private final class Pending {
    let job: Job
    var attempt = 0
    var serverIndex: Int
    /// The transmission whose timeout is armed (see `Timeouts`); 0 when none is.
    var transmission: UInt64 = 0
    var viaTCP = false
    /// Servers that answered SERVFAIL or REFUSED: not asked again for this question.
    var refusedBy: Set<Int> = []
    /// The last such reply, returned if no other server does better.
    var fallback: RawReply?

    init(job: Job, serverIndex: Int) {
      self.job = job
      self.serverIndex = serverIndex
    }
  }

  let loop: any EventLoop
  private let configuration: LDNSResolverConfiguration
  private let addresses: [SocketAddress]
  /// `configuration.nameservers[i].description`, formatted once (each reply names its server).
  private let serverNames: [String]
  /// One connected socket per nameserver, by index: the kernel routes once and drops datagrams
  /// from anyone else, and writes are bare buffers. nil where connecting failed (see
  /// `unreachable`) or once closed.
  private var channels: [(any Channel)?] = []
  /// Why a nameserver's socket could not be connected (no route to it, say): its attempts fail
  /// at once with this reason and move on to the next server.
  private var unreachable: [String?] = []
  private var isClosed = false
  /// Indexed by message ID.
  private var pending = PendingSlots<Pending>()
  private var waiting: [Job] = []
  private var waitingHead = 0
  private var ids = IDRing()
  private var timeouts = Timeouts()
  private var timeoutTimer: Scheduled<Void>?
  private var transmissions: UInt64 = 0
  private var flushScheduled = false
  private(set) var statistics = ResolverStatistics()
  private var pacer: Pacer
  private var pacerWake: UInt64?

  private init(loop: any EventLoop, configuration: LDNSResolverConfiguration, addresses: [SocketAddress]) {
    self.loop = loop
    self.configuration = configuration
    self.addresses = addresses
    self.serverNames = configuration.nameservers.map(\.description)
    self.pacer = Pacer(
      servers: addresses.count, maxInFlight: configuration.maxInFlight, qps: configuration.queriesPerSecond,
      now: NIODeadline.now().uptimeNanoseconds)
  }

  /// Binds the sockets the configured servers need.
  static func start(configuration: LDNSResolverConfiguration) async throws -> QueryEngine {
    let loop = MultiThreadedEventLoopGroup.singleton.next()
    let addresses = try configuration.nameservers.map { try SocketAddress(ipAddress: $0.host, port: $0.port) }
    let engine = QueryEngine(loop: loop, configuration: configuration, addresses: addresses)
    var channels: [(any Channel)?] = []
    var unreachable: [String?] = []
    var firstError: (any Error)?
    for (index, address) in addresses.enumerated() {
      do {
        channels.append(try await engine.connect(to: address, server: index))
        unreachable.append(nil)
      } catch {
        channels.append(nil)
        unreachable.append("\(error)")
        firstError = firstError ?? error
      }
    }
    // With no server to ask at all, setting up fails (as binding used to); one unusable server of
    // several is only skipped.
    if channels.allSatisfy({ $0 == nil }), let firstError { throw firstError }
    try await loop.submit { [channels, unreachable] in
      engine.channels = channels
      engine.unreachable = unreachable
    }.get()
    return engine
  }

  private func connect(to address: SocketAddress, server: Int) async throws -> any Channel {
    let receiveShare = max(4096, Int(configuration.ednsSize ?? 512))
    return try await DatagramBootstrap(group: loop)
      .channelOption(.socketOption(.so_rcvbuf), value: 4 << 20)
      // A vector read splits one receive buffer evenly between its messages, and a datagram
      // longer than its share is cut (ldns then rejects it as malformed): each share must hold
      // the largest reply the advertised EDNS size allows. Up to 64 replies a read: a bulk run's
      // replies come in bursts of a batch (a DKIM sweep is 31), and 64 halves the recvmmsg(2)
      // calls of 16 (256 KiB of buffer per socket).
      .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 64 * receiveShare))
      .channelOption(.datagramVectorReadMessageCount, value: 64)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(UDPReplyHandler(engine: self, server: server))
        }
      }
      .connect(to: address).get()
  }

  /// Closes the sockets; queries still in flight end as errors.
  func close() async {
    let channels = try? await loop.submit { () -> [any Channel] in
      let all = self.channels.compactMap { $0 }
      self.channels = []
      self.isClosed = true
      return all
    }.get()
    for channel in channels ?? [] { try? await channel.close() }
  }

  func currentStatistics() async -> ResolverStatistics {
    (try? await loop.submit {
      var statistics = self.statistics
      statistics.backoffs = self.pacer.windowReductions
      return statistics
    }.get()) ?? ResolverStatistics()
  }

  // MARK: on the loop

  func submit(_ job: Job) {
    statistics.queries += 1
    if pending.count < max(1, configuration.maxInFlight), ids.count > 0 {
      begin(job)
    } else {
      waiting.append(job)
    }
  }

  private func begin(_ job: Job) {
    guard let id = ids.take() else {
      waiting.append(job)
      return
    }
    // resolv.conf order: the first server first, the others only after a failure. The job's
    // query keeps ID 0; each transmission writes the ID into its own copy.
    pending[id] = Pending(job: job, serverIndex: 0)
    transmit(id)
  }

  /// Sends the attempt now, or when the server's pacer lets it (see `Pacer`).
  private func transmit(_ id: UInt16) {
    guard let entry = pending[id] else { return }
    if pacer.request(id, server: entry.serverIndex, now: NIODeadline.now().uptimeNanoseconds) {
      send(id)
    } else {
      pump()
    }
  }

  /// Sends attempts the pacer has released, and wakes up again when a token bucket refills.
  private func pump() {
    let (ready, wake) = pacer.ready(now: NIODeadline.now().uptimeNanoseconds)
    for id in ready {
      if pending[id] != nil { send(id) } else { pacer.ended(id, congested: false) }
    }
    if let wake, pacerWake.map({ wake < $0 }) ?? true {
      pacerWake = wake
      loop.scheduleTask(deadline: .uptimeNanoseconds(wake)) {
        if self.pacerWake == wake { self.pacerWake = nil }
        self.pump()
      }
    }
  }

  private func send(_ id: UInt16) {
    guard let entry = pending[id] else { return }
    guard !isClosed else {
      finish(id, .failure(.error("resolver is closed"), server: serverNames[entry.serverIndex]))
      return
    }
    guard let channel = channels[entry.serverIndex] else {
      attemptFailed(id, attempt: entry.attempt, reason: "send failed: \(unreachable[entry.serverIndex] ?? "no socket")")
      return
    }
    statistics.udpSent += 1
    var datagram = channel.allocator.buffer(bytes: entry.job.query)
    datagram.setInteger(id, at: datagram.readerIndex)
    let attempt = entry.attempt
    let promise = loop.makePromise(of: Void.self)
    promise.futureResult.whenFailure { error in
      self.attemptFailed(id, attempt: attempt, reason: "send failed: \(error)")
    }
    channel.write(datagram, promise: promise)
    scheduleFlush()
    transmissions += 1
    entry.transmission = transmissions
    armTimeout(id: id, transmission: transmissions)
  }

  /// Writes queued in this turn of the loop go out together: NIO sends them with one sendmmsg(2).
  private func scheduleFlush() {
    guard !flushScheduled else { return }
    flushScheduled = true
    loop.execute {
      self.flushScheduled = false
      for channel in self.channels { channel?.flush() }
    }
  }

  /// Every attempt waits the same time, so deadlines fall in the order attempts are sent: one
  /// FIFO and one timer for its head replace a timer per attempt.
  private func armTimeout(id: UInt16, transmission: UInt64) {
    let deadline = NIODeadline.now() + TimeAmount(configuration.timeout)
    timeouts.append(Timeouts.Entry(deadline: deadline, id: id, transmission: transmission))
    if timeoutTimer == nil { scheduleTimeoutTimer(at: deadline) }
  }

  private func scheduleTimeoutTimer(at deadline: NIODeadline) {
    timeoutTimer = loop.scheduleTask(deadline: deadline) { self.expireTimeouts() }
  }

  private func expireTimeouts() {
    timeoutTimer = nil
    let now = NIODeadline.now()
    while let head = timeouts.first, head.deadline <= now {
      timeouts.removeFirst()
      guard let entry = pending[head.id], entry.transmission == head.transmission else { continue }
      statistics.timeouts += 1
      attemptFailed(head.id, attempt: entry.attempt, reason: nil)
    }
    if let head = timeouts.first { scheduleTimeoutTimer(at: head.deadline) }
  }

  /// The server's host answered an attempt with ICMP port unreachable (the connected socket reports
  /// it as ECONNREFUSED): nothing listens there, so every attempt waiting on that server fails now
  /// instead of at its timeout, and moves on as a timeout would. Which datagram drew the ICMP is
  /// not known; the attempts armed for that server are exactly the ones that can.
  func portUnreachable(server index: Int) {
    var refused: [(id: UInt16, attempt: Int)] = []
    for armed in timeouts.armed {
      guard let entry = pending[armed.id], entry.transmission == armed.transmission, entry.serverIndex == index,
        !entry.viaTCP
      else { continue }
      refused.append((armed.id, entry.attempt))
    }
    for (id, attempt) in refused {
      attemptFailed(id, attempt: attempt, reason: "connection refused: nothing listens at \(serverNames[index])")
    }
  }

  /// An attempt timed out (`reason` nil) or failed for `reason`: try again, maybe at the next server.
  private func attemptFailed(_ id: UInt16, attempt: Int, reason: String?) {
    guard let entry = pending[id], entry.attempt == attempt, !entry.viaTCP else { return }
    pacer.ended(id, congested: reason == nil)
    defer { pump() }
    entry.transmission = 0
    entry.attempt += 1
    let server = serverNames[entry.serverIndex]
    moveOn(
      id, otherwise: entry.fallback ?? .failure(reason.map { .error($0) } ?? .timeout, server: server)
    )
  }

  /// Sends the next attempt to the next server still worth asking, or ends with `outcome`.
  /// Every server gets `tries` attempts in turn: s0, s1, s0, s1, ...
  private func moveOn(_ id: UInt16, otherwise outcome: RawReply) {
    guard let entry = pending[id] else { return }
    let servers = addresses.count
    let candidates = (1...servers).map { (entry.serverIndex + $0) % servers }.filter { !entry.refusedBy.contains($0) }
    guard entry.attempt < max(1, configuration.tries) * servers, let next = candidates.first else {
      finish(id, outcome)
      return
    }
    entry.serverIndex = next
    entry.viaTCP = false
    transmit(id)
  }

  /// A datagram arrived on one of the sockets.
  func received(_ bytes: [UInt8], from source: SocketAddress) {
    guard let id = WireCheck.id(bytes), let entry = pending[id], !entry.viaTCP,
      source == addresses[entry.serverIndex], WireCheck.matches(bytes, question: entry.job.question)
    else {
      statistics.mismatchedReplies += 1
      return
    }
    entry.transmission = 0
    pacer.ended(id, congested: WireCheck.rcode(bytes) == 5)
    defer { pump() }
    let server = serverNames[entry.serverIndex]
    if WireCheck.isTruncated(bytes) {
      pacer.charge(server: entry.serverIndex, now: NIODeadline.now().uptimeNanoseconds)
      entry.viaTCP = true
      exchangeOverTCP(id, entry: entry, server: server)
      return
    }
    settle(id, .reply(bytes, .udp, server: server), rcode: WireCheck.rcode(bytes))
  }

  /// SERVFAIL and REFUSED move on to the next server while one is left; anything else is final.
  private func settle(_ id: UInt16, _ reply: RawReply, rcode: UInt8) {
    guard let entry = pending[id] else { return }
    guard rcode == 2 || rcode == 5 else {
      finish(id, reply)
      return
    }
    entry.refusedBy.insert(entry.serverIndex)
    entry.fallback = reply
    entry.attempt += 1
    moveOn(id, otherwise: reply)
  }

  private func exchangeOverTCP(_ id: UInt16, entry: Pending, server: String) {
    statistics.tcpExchanges += 1
    let question = entry.job.question
    var query = entry.job.query
    query[0] = UInt8(id >> 8)
    query[1] = UInt8(id & 0xFF)
    TCPExchange.run(
      query: query, to: addresses[entry.serverIndex], on: loop, timeout: TimeAmount(configuration.timeout)
    ).whenComplete { result in
      switch result {
      case .success(let bytes) where WireCheck.id(bytes) == id && WireCheck.matches(bytes, question: question):
        self.settle(id, .reply(bytes, .tcp, server: server), rcode: WireCheck.rcode(bytes))
      case .success:
        self.statistics.mismatchedReplies += 1
        self.finish(id, .failure(.error("TCP reply did not match the query"), server: server))
      case .failure(let error as TCPExchange.TimedOut):
        _ = error
        self.finish(id, .failure(.timeout, server: server))
      case .failure(let error):
        self.finish(id, .failure(.error("TCP: \(error)"), server: server))
      }
    }
  }

  private func finish(_ id: UInt16, _ reply: RawReply) {
    guard let entry = pending.remove(id) else { return }
    pacer.ended(id, congested: false)
    ids.giveBack(id)
    entry.job.completion.deliver(reply)
    if waitingHead < waiting.count {
      let next = waiting[waitingHead]
      waitingHead += 1
      if waitingHead == waiting.count {
        waiting.removeAll(keepingCapacity: true)
        waitingHead = 0
      }
      begin(next)
    }
  }
}

extension TimeAmount {
  init(_ duration: Duration) {
    let (seconds, attoseconds) = duration.components
    self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
  }
}

/// Hands datagrams to the engine (runs on the engine's loop).
private final class UDPReplyHandler: ChannelInboundHandler {
  typealias InboundIn = AddressedEnvelope<ByteBuffer>
  private let engine: QueryEngine
  /// The nameserver this handler's socket is connected to.
  private let server: Int

  init(engine: QueryEngine, server: Int) {
    self.engine = engine
    self.server = server
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let envelope = unwrapInboundIn(data)
    engine.received(Array(envelope.data.readableBytesView), from: envelope.remoteAddress)
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    // Port unreachable from the server's host fails its waiting attempts at once. Other errors
    // are not tied to a query: those attempts time out instead.
    if let error = error as? IOError, error.errnoCode == ECONNREFUSED { engine.portUnreachable(server: server) }
  }
}

/// Values by message ID in a flat table: no hashing on the path of every datagram.
struct PendingSlots<Value: AnyObject> {
  private var slots = [Value?](repeating: nil, count: Int(UInt16.max) + 1)
  private(set) var count = 0

  subscript(id: UInt16) -> Value? {
    get { slots[Int(id)] }
    set {
      count += (newValue == nil ? 0 : 1) - (slots[Int(id)] == nil ? 0 : 1)
      slots[Int(id)] = newValue
    }
  }

  mutating func remove(_ id: UInt16) -> Value? {
    let value = slots[Int(id)]
    self[id] = nil
    return value
  }
}

/// Attempt deadlines in the order they were set (which is deadline order); stale entries, for
/// attempts that were answered or retried meanwhile, are skipped when they reach the head.
struct Timeouts {
  struct Entry {
    let deadline: NIODeadline
    let id: UInt16
    let transmission: UInt64
  }

  private var storage: [Entry] = []
  private var head = 0

  var first: Entry? { head < storage.count ? storage[head] : nil }

  /// The entries not yet expired, oldest first (stale ones included).
  var armed: ArraySlice<Entry> { storage[head...] }

  mutating func append(_ entry: Entry) { storage.append(entry) }

  mutating func removeFirst() {
    head += 1
    if head == storage.count {
      storage.removeAll(keepingCapacity: true)
      head = 0
    } else if head >= 4096 && head * 2 >= storage.count {
      storage.removeFirst(head)
      head = 0
    }
  }
}

/// Message IDs from a shuffled ring: one taken from the front, returned to the back, so an ID
/// whose query timed out is not reused until every other free ID has been (late replies die).
struct IDRing {
  private var storage: [UInt16]
  private var head = 0
  private(set) var count: Int

  init() {
    var random = BufferedSystemRandom()
    storage = (0...UInt16.max).shuffled(using: &random)
    count = storage.count
  }

  mutating func take() -> UInt16? {
    guard count > 0 else { return nil }
    let id = storage[head]
    head = (head + 1) % storage.count
    count -= 1
    return id
  }

  mutating func giveBack(_ id: UInt16) {
    storage[(head + count) % storage.count] = id
    count += 1
  }
}

/// The kernel's random bytes, read 32 KiB at a time from /dev/urandom: shuffling 65,536 IDs with
/// `SystemRandomNumberGenerator` costs one getrandom(2) call per draw (a third of start-up).
struct BufferedSystemRandom: RandomNumberGenerator {
  private var buffer = [UInt64](repeating: 0, count: 4096)
  private var index = 4096

  mutating func next() -> UInt64 {
    if index == buffer.count {
      if !buffer.withUnsafeMutableBytes(BufferedSystemRandom.fill) {
        // No /dev/urandom (a chroot): the per-draw system generator stands in.
        var system = SystemRandomNumberGenerator()
        for slot in buffer.indices { buffer[slot] = system.next() }
      }
      index = 0
    }
    defer { index += 1 }
    return buffer[index]
  }

  private static func fill(_ bytes: UnsafeMutableRawBufferPointer) -> Bool {
    let fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
    guard fd >= 0, let base = bytes.baseAddress else { return false }
    defer { close(fd) }
    var done = 0
    while done < bytes.count {
      let got = read(fd, base + done, bytes.count - done)
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { return false }
      done += got
    }
    return true
  }
}
