public import MailZoneNet

/// A nameserver address: an IP literal and a port.
public struct Nameserver: Sendable, Hashable, CustomStringConvertible {
  public var address: IPAddress
  public var port: Int

  public init(address: IPAddress, port: Int = 53) {
    self.address = address
    self.port = port
  }

  /// Parses `IP`, `IP:PORT`, `IPv6`, or `[IPv6]:PORT`.
  public init(parsing text: String) throws(NameserverError) {
    var host = Substring(text)
    var port = 53
    if host.hasPrefix("[") {
      guard let close = host.firstIndex(of: "]") else { throw .malformed(text) }
      let rest = host[host.index(after: close)...]
      host = host[host.index(after: host.startIndex)..<close]
      if !rest.isEmpty {
        guard rest.hasPrefix(":"), let p = Int(rest.dropFirst()) else { throw .malformed(text) }
        port = p
      }
    } else if host.filter({ $0 == ":" }).count == 1, let colon = host.firstIndex(of: ":") {
      guard let p = Int(host[host.index(after: colon)...]) else { throw .malformed(text) }
      port = p
      host = host[..<colon]
    }
    guard (1...65535).contains(port) else { throw .badPort(text) }
    if let v4 = IPv4Address(String(host)) {
      self.init(address: .v4(v4), port: port)
    } else if let v6 = IPv6Address(String(host)) {
      self.init(address: .v6(v6), port: port)
    } else {
      throw .malformed(text)
    }
  }

  public var host: String { address.description }

  public var isIPv6: Bool { address.isIPv6 }

  /// `127.0.0.1:53` or `[::1]:53`.
  public var description: String { isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// Why a `--nameserver` value was rejected.
public enum NameserverError: Error, Sendable, Equatable, CustomStringConvertible {
  case malformed(String)
  case badPort(String)

  public var description: String {
    switch self {
    case .malformed(let text): return "'\(text)' is not IP, IP:PORT or [IPv6]:PORT (an IP address, not a host name)"
    case .badPort(let text): return "'\(text)': the port must be 1-65535"
    }
  }
}

/// The parts of resolv.conf(5) a stub resolver needs.
public struct SystemResolverConfiguration: Sendable, Equatable {
  public var nameservers: [Nameserver]
  public var timeoutSeconds: Int?
  public var attempts: Int?

  /// Reads `nameserver` and `options timeout:N attempts:N`; with no nameserver, 127.0.0.1 (as libc does).
  public init(contents: String) {
    var servers: [Nameserver] = []
    var timeout: Int?
    var attempts: Int?
    for rawLine in contents.split(whereSeparator: \.isNewline) {
      let line =
        rawLine.split(maxSplits: 1, omittingEmptySubsequences: false, whereSeparator: { $0 == "#" || $0 == ";" })
        .first ?? ""
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard let keyword = words.first else { continue }
      if keyword == "nameserver", words.count >= 2 {
        // A scoped IPv6 address (fe80::1%eth0) cannot be used without its interface; skip it.
        if let server = try? Nameserver(parsing: String(words[1])) { servers.append(server) }
      } else if keyword == "options" {
        for option in words.dropFirst() {
          if option.hasPrefix("timeout:") { timeout = Int(option.dropFirst(8)) }
          if option.hasPrefix("attempts:") { attempts = Int(option.dropFirst(9)) }
        }
      }
    }
    if servers.isEmpty { servers = [Nameserver(address: .v4(IPv4Address(127, 0, 0, 1)))] }
    nameservers = servers
    timeoutSeconds = timeout
    self.attempts = attempts
  }
}
