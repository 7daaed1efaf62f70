import NIOCore
import NIOPosix

/// One query over TCP (RFC 7766): connect, send the length-prefixed message, read one reply.
enum TCPExchange {
  struct TimedOut: Error {}
  struct Closed: Error, CustomStringConvertible {
    var description: String { "connection closed before a reply" }
  }

  static func run(query: [UInt8], to address: SocketAddress, on loop: any EventLoop, timeout: TimeAmount)
    -> EventLoopFuture<[UInt8]>
  {
    let promise = loop.makePromise(of: [UInt8].self)
    let connect = ClientBootstrap(group: loop)
      .connectTimeout(timeout)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(LengthPrefixedFrameDecoder()))
          try channel.pipeline.syncOperations.addHandler(TCPReplyHandler(promise: promise))
        }
      }
      .connect(to: address)
    let deadline = loop.scheduleTask(in: timeout) { promise.fail(TimedOut()) }
    connect.whenSuccess { channel in
      var buffer = channel.allocator.buffer(capacity: query.count + 2)
      buffer.writeInteger(UInt16(query.count))
      buffer.writeBytes(query)
      channel.writeAndFlush(buffer, promise: nil)
      promise.futureResult.whenComplete { _ in channel.close(promise: nil) }
    }
    connect.whenFailure { error in promise.fail(error) }
    promise.futureResult.whenComplete { _ in deadline.cancel() }
    return promise.futureResult
  }
}

/// Splits a TCP stream into DNS messages by their two-octet length prefix.
private struct LengthPrefixedFrameDecoder: ByteToMessageDecoder {
  typealias InboundOut = ByteBuffer

  mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self),
      buffer.readableBytes >= Int(length) + 2
    else { return .needMoreData }
    buffer.moveReaderIndex(forwardBy: 2)
    guard let frame = buffer.readSlice(length: Int(length)) else { return .needMoreData }
    context.fireChannelRead(wrapInboundOut(frame))
    return .continue
  }
}

private final class TCPReplyHandler: ChannelInboundHandler {
  typealias InboundIn = ByteBuffer
  private let promise: EventLoopPromise<[UInt8]>

  init(promise: EventLoopPromise<[UInt8]>) { self.promise = promise }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    promise.succeed(Array(unwrapInboundIn(data).readableBytesView))
  }

  func channelInactive(context: ChannelHandlerContext) {
    promise.fail(TCPExchange.Closed())
    context.fireChannelInactive()
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    promise.fail(error)
    context.close(promise: nil)
  }
}
