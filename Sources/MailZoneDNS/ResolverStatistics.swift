/// Counters of what a resolver sent and saw, for reports and benchmarks.
public struct ResolverStatistics: Sendable, Equatable {
  /// Questions that went on the wire (one per question, whatever the retries).
  public var queries = 0
  /// UDP datagrams sent, retries included.
  public var udpSent = 0
  /// TCP exchanges (after TC=1).
  public var tcpExchanges = 0
  /// Attempts that got no reply in time.
  public var timeouts = 0
  /// Replies dropped because source, ID or question did not match.
  public var mismatchedReplies = 0
  /// Times a nameserver's window (and rate) was halved after a timeout or REFUSED.
  public var backoffs = 0
  /// Answers served from the cache, and questions that joined one already in flight.
  public var cacheHits = 0
  public var inFlightJoins = 0

  public init() {}
}
