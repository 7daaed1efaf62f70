import Foundation
import MailZoneTestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Examples/ci/*.yml: every line that runs `mailzone check` is run here, in copies of the fixture
/// repositories, with the built binary first on PATH (the commands, not the hosted runners).
@Suite("Examples/ci workflows run locally")
struct CheckCIExamplesTests {
  static let examples = URL(fileURLWithPath: Fixtures.directory).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/ci").path

  /// The shell command of each YAML line that calls `mailzone check` (`run:` values, `- ` items).
  static func commands(_ file: String) throws -> [String] {
    let text = try String(contentsOfFile: examples + "/" + file, encoding: .utf8)
    return text.split(separator: "\n").map(String.init).filter {
      $0.contains("mailzone check") && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
    }.map { line in
      var command = line.trimmingCharacters(in: .whitespaces)
      if command.hasPrefix("- ") { command.removeFirst(2) }
      if command.hasPrefix("run: ") { command.removeFirst(5) }
      return command
    }
  }

  func run(_ command: String, in directory: String) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    var environment = ProcessInfo.processInfo.environment
    let folder = URL(fileURLWithPath: try CLIRunner.binary()).deletingLastPathComponent().path
    environment["PATH"] = folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
    environment["NO_COLOR"] = "1"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test("GitHub Actions: annotations fail on the broken repo, pass on the fixed one; SARIF is written either way")
  func githubActions() throws {
    let commands = try Self.commands("github-actions.yml")
    #expect(commands.count == 2)
    for (fixture, failing) in [(CheckFixture.broken, true), (CheckFixture.fixed, false)] {
      let copy = try CheckFixture.copy(fixture)
      defer { try? FileManager.default.removeItem(atPath: copy) }
      #expect(try run(commands[0], in: copy) == (failing ? 1 : 0), "\(commands[0])")
      #expect(try run(commands[1], in: copy) == 0, "\(commands[1])")
      let sarif = try Data(contentsOf: URL(fileURLWithPath: copy + "/mailzone.sarif"))
      let log = try #require(try JSONSerialization.jsonObject(with: sarif) as? [String: Any])
      let results = (log["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
      #expect(failing ? results?.isEmpty == false : results?.isEmpty == true)
    }
  }

  @Test("GitLab CI: the JUnit report is written and parses; the text step fails only on the broken repo")
  func gitlab() throws {
    let commands = try Self.commands("gitlab-ci.yml")
    #expect(commands.count == 2)
    for (fixture, failing) in [(CheckFixture.broken, true), (CheckFixture.fixed, false)] {
      let copy = try CheckFixture.copy(fixture)
      defer { try? FileManager.default.removeItem(atPath: copy) }
      #expect(try run(commands[0], in: copy) == 0, "\(commands[0])")
      let document = try XMLDocument(data: Data(contentsOf: URL(fileURLWithPath: copy + "/mailzone-junit.xml")))
      let failures = try #require(document.rootElement()?.attribute(forName: "failures")?.stringValue)
      #expect(failing ? failures != "0" : failures == "0")
      #expect(try run(commands[1], in: copy) == (failing ? 1 : 0), "\(commands[1])")
    }
  }
}
