/// Settings of the live resolver.
public struct LDNSResolverConfiguration: Sendable {
  /// Servers to ask, in order; a server that times out or fails hands the query to the next.
  public var nameservers: [Nameserver]
  /// How long one attempt waits for a reply.
  public var timeout: Duration = .seconds(2)
  /// Attempts per nameserver. A server that never answers costs `timeout × tries` (then the next one).
  public var tries: Int = 2
  /// EDNS(0) UDP payload size to advertise (RFC 6891); nil sends plain 512-octet DNS.
  public var ednsSize: UInt16? = 1232
  /// Queries on the wire at once; more wait their turn.
  public var maxInFlight: Int = 512
  /// Queries per second to each nameserver (a token bucket), halved on a timeout or REFUSED and
  /// recovered on answers; nil: no rate limit, only the adaptive in-flight window (`Pacer`).
  public var queriesPerSecond: Double?
  /// Sets RD: right for recursive resolvers, ignored by authoritative ones.
  public var recursionDesired = true
  /// Sets the DO bit so a validating resolver reports AD.
  public var dnssecOK = false

  public init(nameservers: [Nameserver]) {
    self.nameservers = nameservers
  }

  /// The system configuration from `/etc/resolv.conf` (its timeout and attempts too).
  public static func system(path: String = "/etc/resolv.conf") -> LDNSResolverConfiguration {
    let contents = (try? readFile(path)) ?? ""
    let system = SystemResolverConfiguration(contents: contents)
    var configuration = LDNSResolverConfiguration(nameservers: system.nameservers)
    if let seconds = system.timeoutSeconds, seconds > 0 { configuration.timeout = .seconds(seconds) }
    if let attempts = system.attempts, attempts > 0 { configuration.tries = attempts }
    return configuration
  }

  /// Worst-case time for one query: every attempt at every server times out (TCP fallback aside).
  public var worstCase: Duration { timeout * (tries * nameservers.count) }
}
