import ArgumentParser
import MailZoneDNS

/// `--nameserver`, `--timeout`, `--retries`, `--zone`, `--qps`...: where answers come from, and how fast.
struct ResolverOptions: ParsableArguments {
  @Option(
    name: .customLong("nameserver"),
    help: ArgumentHelp(
      "Ask this server instead of /etc/resolv.conf's: IP, IP:PORT or [IPv6]:PORT. Repeat to add fallbacks.",
      valueName: "ip[:port]"))
  var nameservers: [String] = []

  @Option(help: ArgumentHelp("Seconds one attempt waits for a reply.", valueName: "seconds"))
  var timeout: Double = 2

  @Option(
    help: ArgumentHelp(
      "Attempts per nameserver; a dead server costs at most timeout × retries, then the next is asked.",
      valueName: "n"))
  var retries: Int = 2

  @Option(
    name: .customLong("zone"),
    help: ArgumentHelp("Answer from this BIND zone file instead of live DNS (repeatable).", valueName: "file"))
  var zones: [String] = []

  @Option(help: ArgumentHelp("Origin for zone files that have no $ORIGIN and no SOA.", valueName: "name"))
  var origin: String?

  @Option(help: ArgumentHelp("EDNS(0) UDP payload size to advertise; 0 sends plain DNS.", valueName: "bytes"))
  var ednsSize: Int = 1232

  @Option(help: ArgumentHelp("DNS queries on the wire at once.", valueName: "n"))
  var maxQueriesInFlight: Int = 512

  @Option(
    help: ArgumentHelp(
      "Queries per second to each nameserver (halved after a timeout or REFUSED, recovered on answers).",
      valueName: "n"))
  var qps: Double?

  func validate() throws {
    guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds") }
    guard (1...20).contains(retries) else { throw ValidationError("--retries must be 1-20") }
    guard ednsSize == 0 || (512...65_535).contains(ednsSize) else {
      throw ValidationError("--edns-size must be 0 or 512-65535")
    }
    guard (1...60_000).contains(maxQueriesInFlight) else {
      throw ValidationError("--max-queries-in-flight must be 1-60000")
    }
    if let qps, !(qps >= 1 && qps <= 1_000_000) { throw ValidationError("--qps must be 1-1000000") }
    if !zones.isEmpty, !nameservers.isEmpty {
      throw ValidationError("--zone answers from files; it cannot be combined with --nameserver")
    }
    for server in nameservers {
      do { _ = try Nameserver(parsing: server) } catch { throw ValidationError("--nameserver \(error)") }
    }
    if let origin {
      do { _ = try DNSName(origin) } catch { throw ValidationError("--origin '\(origin)': \(error)") }
    }
  }

  /// The live resolver's settings.
  func liveConfiguration() throws -> LDNSResolverConfiguration {
    var configuration: LDNSResolverConfiguration
    if nameservers.isEmpty {
      configuration = .system()
    } else {
      configuration = LDNSResolverConfiguration(nameservers: try nameservers.map { try Nameserver(parsing: $0) })
    }
    configuration.timeout = .milliseconds(Int((timeout * 1000).rounded()))
    configuration.tries = retries
    configuration.ednsSize = ednsSize == 0 ? nil : UInt16(ednsSize)
    configuration.maxInFlight = maxQueriesInFlight
    configuration.queriesPerSecond = qps
    return configuration
  }

  /// A cached resolver over the zone files (exit 65 on a bad file) or live DNS.
  func makeResolver() async throws -> ResolverSession {
    if !zones.isEmpty {
      let originName = try origin.map { try DNSName($0) }
      do {
        let zoneResolver = try ZoneFileResolver(paths: zones, origin: originName)
        return ResolverSession(resolver: CachingResolver(upstream: zoneResolver), live: nil)
      } catch {
        throw CommandFailure(message: error.description, exitCode: ExitStatus.dataError)
      }
    }
    let live = try await LDNSResolver(configuration: liveConfiguration())
    return ResolverSession(resolver: CachingResolver(upstream: live), live: live)
  }
}

/// A resolver for one command run, and the live one under it to close and count.
struct ResolverSession {
  let resolver: CachingResolver
  let live: LDNSResolver?

  func close() async {
    await live?.close()
  }
}
