import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone audit --domains-file` over long lists: streaming, order, resume, progress, summary.
@Suite("mailzone audit --domains-file, in bulk")
struct BulkAuditCommandTests {
  static let example = AuditCommandTests.example

  static func list(_ name: String, _ text: String) throws -> String {
    let path = NSTemporaryDirectory() + "mailzone-bulk-\(getpid())-\(name)"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  func objects(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
  }

  /// 30 names of the example zone's domain and subdomains that do not exist, an IDN, garbage.
  static let mixed =
    "example.com\n" + (0..<30).map { "n\($0).example.com\n" }.joined()
    + "bücher.example.com\nuser@example.com\nEXAMPLE.COM.\n\"n3.example.com\",dup\n"

  @Test("--ordered NDJSON keeps input order; the summary line ends stderr; no progress without a TTY")
  func orderedAndSummary() throws {
    let path = try Self.list("ordered", Self.mixed)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try CLIRunner.run([
      "audit", "--zone", Self.example, "--format", "ndjson", "--ordered", "--concurrency", "4", "--domains-file", path,
    ])
    let domains = try objects(result.stdout).map { $0["domain"] as? String ?? "?" }
    let expected =
      ["example.com"] + (0..<30).map { "n\($0).example.com" } + ["xn--bcher-kva.example.com", "user@example.com"]
    #expect(domains == expected)
    let stderr = result.stderr.split(separator: "\n")
    #expect(stderr.count == 1, "only the summary: \(result.stderr)")
    #expect(!result.stderr.contains("\r"), "no progress line when stderr is not a terminal")
    let summary = String(stderr.last ?? "")
    #expect(summary.hasPrefix("33 domains (1 malformed, 31 incomplete, 2 duplicates skipped), findings: "))
    #expect(summary.contains(" queries, ") && summary.hasSuffix(" s"))
  }

  @Test("JSON with a list is one array, streamed element by element, in input order")
  func jsonArray() throws {
    let path = try Self.list("json", "example.com\nnope.example.com\n")
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try CLIRunner.run(["audit", "--zone", Self.example, "--format", "json", "--domains-file", path])
    let array = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
    #expect(array.map { $0["domain"] as? String } == ["example.com", "nope.example.com"])
    let empty = try Self.list("empty", "# nothing\n")
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let none = try CLIRunner.run(["audit", "--zone", Self.example, "--format", "json", "--domains-file", empty])
    #expect(none.status == 0)
    #expect(none.stdout == "[]\n")
  }

  @Test("--resume skips the domains of complete lines of a previous output; a truncated last line is ignored")
  func resume() throws {
    let path = try Self.list("resume", Self.mixed)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let first = try CLIRunner.run(["audit", "--zone", Self.example, "--format", "ndjson", "--domains-file", path])
    var lines = first.stdout.split(separator: "\n").map(String.init)
    #expect(lines.count == 33)
    // An interrupted run: 20 complete lines and half of the 21st.
    let cut = lines[20]
    let previous = lines[0..<20].joined(separator: "\n") + "\n" + cut.prefix(cut.count / 2)
    let log = try Self.list("resume.ndjson", previous)
    defer { try? FileManager.default.removeItem(atPath: log) }
    let second = try CLIRunner.run([
      "audit", "--zone", Self.example, "--format", "ndjson", "--domains-file", path, "--resume", log,
    ])
    let again = try objects(second.stdout).compactMap { $0["domain"] as? String }
    let done = try objects(lines[0..<20].joined(separator: "\n")).compactMap { $0["domain"] as? String }
    #expect(again.count == 13)
    #expect(Set(again).isDisjoint(with: done))
    #expect(Set(again + done).count == 33, "together the two runs cover every input once")
    #expect(second.stderr.contains("20 resumed"))
    lines.removeAll()
    let missing = try CLIRunner.run([
      "audit", "--zone", Self.example, "--domains-file", path, "--resume", "/nonexistent",
    ])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("--resume /nonexistent"))
  }

  @Test("stdin: - reads the list from a pipe; IDNs arrive as A-labels")
  func stdin() throws {
    let result = try CLIRunner.run(
      ["audit", "--zone", Self.example, "--format", "ndjson", "--domains-file", "-"], stdin: "münchen.example.com\n")
    #expect(try objects(result.stdout).first?["domain"] as? String == "xn--mnchen-3ya.example.com")
  }

  @Test("on a terminal (script(1) gives one) the progress line is drawn on stderr and cleared")
  func progressOnTTY() throws {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
    let path = try Self.list("tty", Self.mixed)
    let out = path + ".out"
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: out)
    }
    let command =
      [
        try CLIRunner.binary(), "audit", "--zone", Self.example, "--format", "ndjson", "--domains-file", path,
      ].map { "'\($0)'" }.joined(separator: " ") + " > '\(out)'"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
    process.arguments = ["-qec", command, "/dev/null"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let terminal = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(terminal.contains("\r\u{1B}[K  "), "the progress line is drawn: \(terminal.debugDescription)")
    #expect(terminal.contains("/35 domains"), "with the total from the line count (35 lines)")
    #expect(terminal.contains("33 domains (1 malformed"), "then the summary")
    let ndjson = try String(contentsOfFile: out, encoding: .utf8)
    #expect(ndjson.split(separator: "\n").count == 33, "stdout holds only NDJSON")
  }

  @Test("--qps is checked; input.malformed-domain is explained like every check")
  func qpsAndExplain() throws {
    #expect(try CLIRunner.run(["audit", "--qps", "0", "example.com"]).status == 64)
    #expect(try CLIRunner.run(["audit", "--nameserver", "127.0.0.1", "--qps", "abc", "example.com"]).status == 64)
    let explained = try CLIRunner.run(["explain", "input.malformed-domain"])
    #expect(explained.status == 0)
    #expect(explained.stdout.contains("IDNA2008"))
    let argument = try CLIRunner.run(["audit", "--zone", Self.example, "user@example.com"])
    #expect(argument.status == 64, "a malformed argument is a usage error, not a finding")
    #expect(argument.stderr.contains("an e-mail address"))
  }
}
