import Foundation
import MailZoneDNS
import MailZoneTestSupport

/// Queries per second of `LDNSResolver` against NSD on loopback (the fixture zones), with 1 and
/// with many queries in flight; also the workload `make valgrind` runs under valgrind.
///
///     mailzone-resolver-bench [--queries N] [--in-flight K ...] [--zone-parses N] [--nameserver IP:PORT]
///     mailzone-resolver-bench --serve      # start NSD, print its address, serve until stdin closes
///
/// valgrind cannot start processes through Foundation (it holds descriptors Process expects to
/// close), so `make valgrind` runs `--serve` outside valgrind and points the measured run at it.
@main
struct ResolverBench {
  struct Options {
    var queries = 20_000
    var inFlight: [Int] = [1, 256]
    var zoneParses = 0
    var nameserver: Nameserver?
  }

  /// A synchronous main that waits for detached async work (main is main-actor isolated, so a
  /// plain Task would wait behind the semaphore): valgrind 3.19 crashes in the
  /// `dispatch_main` signal thread that an async main starts.
  static func main() throws {
    if CommandLine.arguments.dropFirst().first == "--serve" {
      // On the main thread: Foundation's Process wants it free while it launches.
      let server = try NSDServer.shared()
      FileHandle.standardOutput.write(Data("\(server.nameserver)\n".utf8))
      while readLine() != nil {}
      return
    }
    let options = try parse(CommandLine.arguments.dropFirst())
    let nameserver = try options.nameserver ?? NSDServer.shared().nameserver
    let done = DispatchSemaphore(value: 0)
    let outcome = ResultBox()
    Task.detached {
      do { try await run(options, nameserver: nameserver) } catch { outcome.failure = "\(error)" }
      done.signal()
    }
    done.wait()
    if let failure = outcome.failure { throw BenchError(message: failure) }
  }

  static func run(_ options: Options, nameserver: Nameserver) async throws {
    print("NSD at \(nameserver), fixture zones")
    for inFlight in options.inFlight {
      let rate = try await measure(nameserver: nameserver, queries: options.queries, inFlight: inFlight)
      print(String(format: "in flight %5d: %6d queries, %8.0f queries/s", inFlight, options.queries, rate))
    }
    if options.zoneParses > 0 {
      let files = Fixtures.zoneFiles
      for _ in 0..<options.zoneParses {
        let resolver = try ZoneFileResolver(paths: files)
        _ = resolver.answer(try DNSName("chain1.example.test"), .txt)
        _ = try? ZoneFile(text: "$ORIGIN x.test.\n@ 300 TXT \"unterminated\n", path: "broken")
        _ = try? ZoneFile(text: "$ORIGIN x.test.\n@ 300 A 999.0.0.1\n", path: "broken")
      }
      print("zone parses: \(options.zoneParses) × \(files.count) files (+2 broken each)")
    }
  }

  /// Distinct wildcard names, so every question goes on the wire; `inFlight` workers share them.
  static func measure(nameserver: Nameserver, queries: Int, inFlight: Int) async throws -> Double {
    var configuration = LDNSResolverConfiguration(nameservers: [nameserver])
    configuration.maxInFlight = max(inFlight, 1)
    let resolver = try await LDNSResolver(configuration: configuration)
    let names = try (0..<queries).map { try DNSName("q\($0).wild.example.test") }
    let clock = ContinuousClock()
    let start = clock.now
    let failures = await withTaskGroup(of: Int.self) { group in
      let perWorker = (queries + inFlight - 1) / inFlight
      for worker in 0..<inFlight {
        let slice = names.dropFirst(worker * perWorker).prefix(perWorker)
        group.addTask {
          var failed = 0
          for name in slice where await resolver.a(name).status != .noError { failed += 1 }
          return failed
        }
      }
      return await group.reduce(0, +)
    }
    let elapsed = clock.now - start
    await resolver.close()
    if failures > 0 { print("  \(failures) queries failed") }
    let (seconds, attoseconds) = elapsed.components
    return Double(queries) / (Double(seconds) + Double(attoseconds) / 1e18)
  }

  static func parse(_ arguments: ArraySlice<String>) throws -> Options {
    var options = Options()
    var inFlight: [Int] = []
    var iterator = arguments.makeIterator()
    while let argument = iterator.next() {
      if argument == "--nameserver" {
        guard let text = iterator.next() else { throw BenchError(message: "--nameserver needs IP:PORT") }
        options.nameserver = try Nameserver(parsing: text)
        continue
      }
      guard let value = iterator.next().flatMap(Int.init), value > 0 else {
        throw BenchError(message: "\(argument) needs a positive number")
      }
      switch argument {
      case "--queries": options.queries = value
      case "--in-flight": inFlight.append(value)
      case "--zone-parses": options.zoneParses = value
      default: throw BenchError(message: "unknown option \(argument)")
      }
    }
    if !inFlight.isEmpty { options.inFlight = inFlight }
    return options
  }
}

/// The async part's error, handed to the waiting main thread after the semaphore.
final class ResultBox: @unchecked Sendable {
  // @unchecked: written once by the task before it signals, read by main after the wait.
  var failure: String?
}

struct BenchError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
