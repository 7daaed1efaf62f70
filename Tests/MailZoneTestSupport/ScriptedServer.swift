import Foundation

/// A UDP server on loopback that answers each query with whatever datagrams a script returns:
/// forged IDs, wrong questions, garbage. Real packets on a real socket, for hostile-answer tests.
public final class ScriptedServer: @unchecked Sendable {
  // @unchecked: `descriptor` and `port` are immutable after init; the serving thread only reads
  // them, and `script` is a Sendable closure.
  public let port: Int
  private let descriptor: Int32
  private let script: @Sendable ([UInt8]) -> [[UInt8]]

  /// `script` gets each query's bytes and returns the datagrams to send back, in order.
  public init(script: @escaping @Sendable ([UInt8]) -> [[UInt8]]) throws(NSDError) {
    let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
        Glibc.bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
      }
    }
    guard bound else { throw NSDError("cannot bind a scripted UDP server") }
    self.descriptor = descriptor
    self.port = Int(UInt16(bigEndian: address.sin_port))
    self.script = script
    let thread = Thread { [self] in self.serve() }
    thread.start()
  }

  public var nameserver: String { "127.0.0.1:\(port)" }

  private func serve() {
    var buffer = [UInt8](repeating: 0, count: 65_535)
    while true {
      var peer = sockaddr_storage()
      var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
      let count = buffer.withUnsafeMutableBytes { bytes in
        withUnsafeMutablePointer(to: &peer) {
          $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            recvfrom(descriptor, bytes.baseAddress, bytes.count, 0, $0, &peerLength)
          }
        }
      }
      if count <= 0 { return }
      for reply in script(Array(buffer[0..<count])) {
        _ = reply.withUnsafeBytes { bytes in
          withUnsafePointer(to: &peer) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
              sendto(descriptor, bytes.baseAddress, bytes.count, 0, $0, peerLength)
            }
          }
        }
      }
    }
  }

  /// A well-formed reply to `query`: same ID and question, QR and AA set, one A record 192.0.2.1.
  public static func answer(to query: [UInt8], id: UInt16? = nil, rcode: UInt8 = 0) -> [UInt8] {
    var end = 12
    while end < query.count, query[end] != 0 { end += Int(query[end]) + 1 }
    end += 5
    var reply = Array(query[0..<min(end, query.count)])
    if let id {
      reply[0] = UInt8(id >> 8)
      reply[1] = UInt8(id & 0xFF)
    }
    reply[2] = 0x84  // QR, AA
    reply[3] = rcode
    reply[6] = 0
    reply[7] = rcode == 0 ? 1 : 0  // ANCOUNT
    reply[8] = 0
    reply[9] = 0
    reply[10] = 0
    reply[11] = 0
    if rcode == 0 { reply += [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 192, 0, 2, 1] }
    return reply
  }
}
