/// Live DNS: ldns builds and parses the packets, a SwiftNIO event loop carries many at once.
///
/// Replies are accepted only from the server asked, with the query's ID and question; TC=1 is
/// retried over TCP; each attempt has a timeout, and failures rotate through the nameservers.
public final class LDNSResolver: Resolver {
  public let configuration: LDNSResolverConfiguration
  private let engine: QueryEngine
  private let options: LDNSCodec.QueryOptions

  /// Binds the sockets for the configured servers.
  public init(configuration: LDNSResolverConfiguration) async throws {
    guard !configuration.nameservers.isEmpty else { throw ResolverSetupError.noNameservers }
    self.configuration = configuration
    self.engine = try await QueryEngine.start(configuration: configuration)
    self.options = LDNSCodec.QueryOptions(
      recursionDesired: configuration.recursionDesired, ednsSize: configuration.ednsSize,
      dnssecOK: configuration.dnssecOK)
  }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    guard let query = LDNSCodec.makeQuery(name: name, type: type, id: 0, options: options) else {
      return .failed(.error("ldns could not encode a query for \(name.absoluteText) \(type)"))
    }
    let question = WireCheck.question(ofQuery: query)
    let engine = self.engine
    let raw = await withCheckedContinuation { continuation in
      engine.loop.execute {
        engine.submit(QueryEngine.Job(query: query, question: question, continuation: continuation))
      }
    }
    switch raw {
    case .failure(let failure, let server):
      return .failed(failure, server: server)
    case .reply(let bytes, let transport, let server):
      switch LDNSCodec.parse(bytes) {
      case .success(let message):
        return DNSResponse(
          rcode: message.rcode, flags: message.flags, answer: message.answer, authority: message.authority,
          transport: transport, server: server)
      case .failure(let failure):
        return .failed(failure, server: server)
      }
    }
  }

  /// What went on the wire so far.
  public func statistics() async -> ResolverStatistics {
    await engine.currentStatistics()
  }

  /// Closes the sockets.
  public func close() async {
    await engine.close()
  }
}

/// Why a resolver could not be set up.
public enum ResolverSetupError: Error, Sendable, CustomStringConvertible {
  case noNameservers

  public var description: String {
    switch self {
    case .noNameservers: return "no nameserver configured"
    }
  }
}
