import Foundation
public import MailZoneDNS
import MailZoneNet

/// Paths of the shared test fixtures in `Tests/Fixtures`.
public enum Fixtures {
  /// `Tests/Fixtures`.
  public static let directory: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

  /// The zones NSD serves and `ZoneFileResolver` reads.
  public static var zoneFiles: [String] {
    let folder = directory + "/zones"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".zone") }.sorted().map { folder + "/" + $0 }
  }

  /// A zone NSD fails to load (so it answers SERVFAIL for it).
  public static var brokenZone: String { directory + "/broken/broken.test.zone" }

  public static func name(_ text: String) -> DNSName {
    // Fixture names are literals written in the tests; a bad one is a test bug worth a crash.
    guard let name = try? DNSName(text) else { preconditionFailure("bad fixture name \(text)") }
    return name
  }
}

/// Finds a free loopback port for both UDP and TCP (nothing listens there once it is returned).
public enum FreePort {
  public static func find() throws(NSDError) -> Int {
    for _ in 0..<20 {
      let udp = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
      defer { close(udp) }
      guard let port = bind(udp), isFree(tcpPort: port) else { continue }
      return port
    }
    throw NSDError("no free loopback port found")
  }

  private static func bind(_ descriptor: Int32, port: Int = 0) -> Int? {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { return nil }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  private static func isFree(tcpPort port: Int) -> Bool {
    let tcp = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(tcp) }
    return bind(tcp, port: port) != nil
  }
}

/// A UDP socket on loopback that never answers: queries to it time out.
public final class SilentServer: Sendable {
  public let port: Int
  private let descriptor: Int32

  public init() throws(NSDError) {
    let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0 else { throw NSDError("cannot bind a silent UDP socket") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    self.descriptor = descriptor
    self.port = Int(UInt16(bigEndian: address.sin_port))
  }

  public var nameserver: Nameserver { Nameserver(address: .v4(IPv4Address(127, 0, 0, 1)), port: port) }

  deinit { close(descriptor) }
}
