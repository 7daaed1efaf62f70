import Foundation
import Synchronization

/// A domain list as an async sequence of judged lines, read lazily on a thread of its own (a
/// blocking read on a pipe must not hold one of the few cooperative threads). At most
/// `bufferedBatches` batches of `batchSize` lines wait unread, so memory is flat whatever the
/// list's length; duplicates are not removed here (the scheduler keeps the set of names seen).
public struct DomainStream: AsyncSequence, Sendable {
  public typealias Element = DomainInputLine
  public static let batchSize = 256
  public static let bufferedBatches = 4
  private let reader: ReaderBox

  /// Opens `path` (or stdin for `-`) now, so an unreadable file fails before any audit starts.
  public init(path: String) throws(DomainListError) {
    reader = ReaderBox(try DomainListReader(path: path))
  }

  public func makeAsyncIterator() -> Iterator {
    Iterator(reader: reader)
  }

  public struct Iterator: AsyncIteratorProtocol {
    private var batches: AsyncThrowingStream<[DomainInputLine], any Error>.Iterator
    private let credit: DispatchSemaphore
    private var current: [DomainInputLine] = []
    private var position = 0

    init(reader: ReaderBox) {
      let credit = DispatchSemaphore(value: DomainStream.bufferedBatches)
      let (stream, continuation) = AsyncThrowingStream<[DomainInputLine], any Error>.makeStream()
      let box = StopBox()
      continuation.onTermination = { _ in
        box.stop()
        credit.signal()
      }
      let thread = Thread {
        reader.produce(into: continuation, credit: credit, stop: box)
      }
      thread.stackSize = 1 << 20
      thread.start()
      self.batches = stream.makeAsyncIterator()
      self.credit = credit
    }

    public mutating func next() async throws -> DomainInputLine? {
      while position == current.count {
        guard let batch = try await batches.next() else { return nil }
        credit.signal()
        current = batch
        position = 0
      }
      defer { position += 1 }
      return current[position]
    }
  }
}

/// Holds the reader for its one producing thread.
// @unchecked: the reader is touched only by the single thread `Iterator.init` starts (a stream
// is iterated once); the box only carries it there.
final class ReaderBox: @unchecked Sendable {
  private let reader: DomainListReader
  private let started = Atomic<Bool>(false)

  init(_ reader: DomainListReader) { self.reader = reader }

  func produce(
    into continuation: AsyncThrowingStream<[DomainInputLine], any Error>.Continuation, credit: DispatchSemaphore,
    stop: StopBox
  ) {
    guard !started.exchange(true, ordering: .acquiringAndReleasing) else {
      continuation.finish(throwing: DomainListError(source: reader.source, message: "the list was already read"))
      return
    }
    var batch: [DomainInputLine] = []
    batch.reserveCapacity(DomainStream.batchSize)
    do {
      while let (line, text, cut) = try reader.next() {
        if cut {
          let field = String(text.prefix(64)) + "…"
          let reason = "line longer than \(DomainListReader.maxLineBytes) bytes"
          batch.append(DomainInputLine(line: line, content: .malformed(field: field, reason: reason)))
        } else {
          batch.append(DomainInput.parse(line: line, text: text))
        }
        if batch.count == DomainStream.batchSize {
          credit.wait()
          if stop.isStopped { return }
          continuation.yield(batch)
          batch.removeAll(keepingCapacity: true)
        }
      }
      credit.wait()
      if !batch.isEmpty, !stop.isStopped { continuation.yield(batch) }
      continuation.finish()
    } catch {
      continuation.finish(throwing: error)
    }
  }
}

final class StopBox: Sendable {
  private let stopped = Atomic<Bool>(false)
  var isStopped: Bool { stopped.load(ordering: .acquiring) }
  func stop() { stopped.store(true, ordering: .releasing) }
}
