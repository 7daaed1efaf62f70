/// Live DNS: ldns parses the replies (queries are laid out by `QueryWire`), a SwiftNIO event loop carries many at once.
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
    let query = QueryWire.encode(name: name, type: type, id: 0, options: options)
    let question = WireCheck.question(ofQuery: query)
    let engine = self.engine
    let raw = await withCheckedContinuation { continuation in
      engine.loop.execute {
        engine.submit(QueryEngine.Job(query: query, question: question, completion: .single(continuation)))
      }
    }
    return LDNSResolver.response(raw)
  }

  /// The whole batch goes to the event loop in one hop, and one resumption brings every reply.
  public func queryAll(_ questions: [DNSQuestion]) async -> [DNSResponse] {
    guard questions.count > 1 else {
      return questions.isEmpty ? [] : [await query(questions[0].name, questions[0].type)]
    }
    let queries = questions.map { QueryWire.encode(name: $0.name, type: $0.type, id: 0, options: options) }
    let engine = self.engine
    let raw = await withCheckedContinuation { continuation in
      engine.loop.execute {
        let collector = QueryEngine.BatchCollector(count: queries.count, continuation: continuation)
        for (index, query) in queries.enumerated() {
          engine.submit(
            QueryEngine.Job(
              query: query, question: WireCheck.question(ofQuery: query), completion: .batch(collector, index: index)))
        }
      }
    }
    return raw.map(LDNSResolver.response)
  }

  private static func response(_ raw: RawReply) -> DNSResponse {
    switch raw {
    case .failure(let failure, let server):
      return .failed(failure, server: server)
    case .reply(let bytes, let transport, let server):
      // A name error or NODATA with no answer records says all there is in its header (the
      // question was matched on the way in); ldns is spared the authority section nobody reads.
      if let bare = WireCheck.bareNegative(bytes) {
        return DNSResponse(rcode: bare.rcode, flags: bare.flags, transport: transport, server: server)
      }
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
