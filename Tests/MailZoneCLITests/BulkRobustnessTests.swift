import Foundation
import MailZoneTestSupport
import Testing

/// Long, dirty domain lists against NSD on loopback: the run ends, every input is accounted for,
/// memory stays flat. The 100,000-line run is slow in a debug build, so it runs only with
/// `MAILZONE_BULK_100K=1` (`make bulk-test` sets it and uses the release binary).
@Suite("mailzone audit over long, dirty lists", .serialized)
struct BulkRobustnessTests {
  /// What a generated list holds, and how many NDJSON lines it must give.
  struct List {
    var path: String
    var unique = 0
    var malformed = 0
    var duplicates = 0
  }

  /// `lines` lines: names that do not exist (NXDOMAIN), names in no zone NSD serves (REFUSED),
  /// IDNs, duplicates in other spellings, and garbage (e-mail addresses, URLs, IPs, spaces,
  /// controls, bytes that are not UTF-8, 10 kB lines, comments, blank lines, CSV rows).
  static func generate(lines count: Int, name: String) throws -> List {
    var list = List(path: NSTemporaryDirectory() + "mailzone-bulk-\(getpid())-\(name).txt")
    var data = Data()
    data.reserveCapacity(count * 24)
    var names: [String] = []
    for index in 0..<count {
      let line: String
      switch index % 20 {
      case 0..<11:
        line = "n\(index).example.test"
        list.unique += 1
        names.append(line)
      case 11, 12:
        line = "u\(index).unserved.example"
        list.unique += 1
        names.append(line)
      case 13, 14:
        line = "bücher-\(index).example.test"
        list.unique += 1
      case 15, 16:
        let earlier = names[(index * 7) % names.count]
        line = index % 2 == 0 ? earlier.uppercased() + "." : "\"\(earlier)\",dup,row"
        list.duplicates += 1
      case 17:
        let garbage = [
          "user\(index)@example.test", "https://w\(index).example.test/path", "192.0.2.\(index % 256)",
          "has space\(index).example.test", "ctl\u{7}\(index).example.test", "☃\(index).example.test",
          String(repeating: "x", count: 10_000), "a..b\(index).example.test",
        ]
        line = garbage[(index / 20) % garbage.count]
        list.malformed += 1
      case 18:
        line = index % 40 == 18 ? "# comment \(index)" : ""
      default:
        data.append(contentsOf: [0xFF, 0xFE, 0x41] + Array("\(index).example.test".utf8) + [0x0A])
        list.malformed += 1
        continue
      }
      data.append(contentsOf: Array(line.utf8) + [0x0A])
    }
    try data.write(to: URL(fileURLWithPath: list.path))
    return list
  }

  struct Run {
    var status: Int32
    var lines: Int
    var stderr: String
    /// Peak resident set (VmHWM), kB.
    var peakKB: Int
    /// Whether NDJSON had appeared while the audit was still running.
    var streamed: Bool
  }

  /// Runs the binary with stdout to a file (the output of 100,000 domains is large), sampling
  /// /proc/PID/status for the peak resident set while it runs. The waiting happens on a thread of
  /// its own: blocking one of the two cooperative threads for a minute would starve other suites.
  static func run(_ arguments: [String]) async throws -> Run {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try runBlocking(arguments) }) }
      thread.start()
    }
  }

  private static func runBlocking(_ arguments: [String]) throws -> Run {
    let out = NSTemporaryDirectory() + "mailzone-bulk-\(getpid())-\(UUID().uuidString).ndjson"
    FileManager.default.createFile(atPath: out, contents: nil)
    defer { try? FileManager.default.removeItem(atPath: out) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try CLIRunner.binary())
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
    let errors = Pipe()
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    nonisolated(unsafe) var errorData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
      errorData = errors.fileHandleForReading.readDataToEndOfFile()
      group.leave()
    }
    var peak = 0
    var streamed = false
    while process.isRunning {
      if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
        let kB = Int(line.split(separator: " ").dropFirst().first ?? "")
      {
        peak = max(peak, kB)
      }
      if !streamed, process.isRunning, let size = try? FileManager.default.attributesOfItem(atPath: out)[.size] as? Int,
        size > 0
      {
        streamed = true
      }
      usleep(20_000)
    }
    process.waitUntilExit()
    group.wait()
    var lines = 0
    let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: out))
    while let chunk = try reader.read(upToCount: 1 << 20), !chunk.isEmpty {
      lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }
    try reader.close()
    return Run(
      status: process.terminationStatus, lines: lines, stderr: String(decoding: errorData, as: UTF8.self),
      peakKB: peak, streamed: streamed)
  }

  static func audit(_ list: List) async throws -> Run {
    let server = try NSDServer.shared()
    return try await run([
      "audit", "--nameserver", server.nameserver.description, "--no-discovery", "--format", "ndjson",
      "--concurrency", "64", "--domains-file", list.path,
    ])
  }

  static func check(_ run: Run, _ list: List) {
    #expect(run.status == 2, "names that do not exist make the run incomplete, never a crash: \(run.stderr)")
    #expect(run.lines == list.unique + list.malformed, "one NDJSON line per unique name and per malformed line")
    let summary = run.stderr.split(separator: "\n").last.map(String.init) ?? ""
    #expect(summary.contains("(\(grouped(list.malformed)) malformed"), "\(summary)")
    #expect(summary.contains("\(grouped(list.duplicates)) duplicates skipped"), "\(summary)")
  }

  static func grouped(_ value: Int) -> String {
    let digits = String(value)
    return digits.enumerated().map { index, digit in
      (index > 0 && (digits.count - index) % 3 == 0 ? "," : "") + String(digit)
    }.joined()
  }

  @Test("5,000 dirty lines: every input accounted for, output streamed")
  func dirtyList() async throws {
    let list = try Self.generate(lines: 5_000, name: "5k")
    defer { try? FileManager.default.removeItem(atPath: list.path) }
    let run = try await Self.audit(list)
    Self.check(run, list)
    #expect(run.streamed, "NDJSON lines appeared before the run ended")
  }

  @Test("names that time out: each ends as an incomplete line, within timeout × retries")
  func timeouts() async throws {
    let silent = try SilentServer()
    let list = (0..<16).map { "t\($0).example.test" }.joined(separator: "\n") + "\nnot a domain\n"
    let path = NSTemporaryDirectory() + "mailzone-bulk-\(getpid())-silent.txt"
    try list.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let run = try await Self.run([
      "audit", "--nameserver", silent.nameserver.description, "--timeout", "0.2", "--retries", "1",
      "--no-discovery", "--format", "ndjson", "--domains-file", path,
    ])
    #expect(run.status == 2)
    #expect(run.lines == 17)
    #expect(run.stderr.contains(" timed out, "), "the summary counts the timeouts: \(run.stderr)")
    #expect(run.stderr.contains(" back-offs)"), "a silent server is backed off")
  }

  @Test(
    "100,000 dirty lines: the run ends and the peak RSS is not proportional to the list",
    .enabled(if: ProcessInfo.processInfo.environment["MAILZONE_BULK_100K"] == "1"))
  func hundredThousand() async throws {
    let small = try Self.generate(lines: 10_000, name: "10k")
    let large = try Self.generate(lines: 100_000, name: "100k")
    defer {
      try? FileManager.default.removeItem(atPath: small.path)
      try? FileManager.default.removeItem(atPath: large.path)
    }
    let smallRun = try await Self.audit(small)
    Self.check(smallRun, small)
    let largeRun = try await Self.audit(large)
    Self.check(largeRun, large)
    print("bulk: peak RSS \(smallRun.peakKB) kB at 10,000 lines, \(largeRun.peakKB) kB at 100,000 lines")
    print("bulk: \(smallRun.stderr.split(separator: "\n").last ?? "")")
    print("bulk: \(largeRun.stderr.split(separator: "\n").last ?? "")")
    #expect(smallRun.peakKB > 0 && largeRun.peakKB > 0, "/proc/PID/status was readable")
    #expect(largeRun.peakKB < smallRun.peakKB + 60 * 1024, "ten times the list, not ten times the memory")
  }
}
