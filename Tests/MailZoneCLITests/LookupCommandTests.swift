import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone lookup` run as a user runs it: the built binary against NSD and against zone files.
@Suite("mailzone lookup, end to end")
struct LookupCommandTests {
  static let zoneArguments = Fixtures.zoneFiles.flatMap { ["--zone", $0] }

  func json(_ output: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
    return try #require(object as? [String: Any])
  }

  @Test("TXT over live DNS: rcode, each string with its length, exit 0")
  func liveText() throws {
    let server = try NSDServer.shared()
    let result = try CLIRunner.run([
      "lookup", "--nameserver", server.nameserver.description, "split.example.test", "TXT",
    ])
    #expect(result.status == 0)
    #expect(result.stdout.contains(";; split.example.test. TXT: NOERROR, 1 record"))
    #expect(result.stdout.contains("split.example.test.\t300\tIN\tTXT\t" + #""v=spf1 " "ip4:192.0.2.0/24 " "-all""#))
    #expect(result.stdout.contains(";   string 1: 7 bytes"))
    #expect(result.stdout.contains(";   string 2: 17 bytes"))
    #expect(result.stdout.contains(";   joined: 28 bytes"))
  }

  @Test("the same JSON from NSD and from --zone, except where it came from")
  func liveAndZoneAgree() throws {
    let server = try NSDServer.shared()
    for (name, type) in [
      ("chain1.example.test", "TXT"), ("nullmx.example.test", "MX"), ("missing.example.test", "TXT"),
      ("binary.example.test", "TXT"), ("huge.example.test", "TXT"),
    ] {
      let live = try json(
        CLIRunner.run(["lookup", "--nameserver", server.nameserver.description, "--format", "json", name, type]).stdout)
      let files = try json(CLIRunner.run(["lookup", "--format", "json", name, type] + Self.zoneArguments).stdout)
      for key in ["name", "type", "status", "cname_chain", "records", "conclusive"] {
        #expect(
          (live[key] as? NSObject) == (files[key] as? NSObject), "\(name) \(type): \(key) differs")
      }
    }
  }

  @Test("JSON: null MX, CNAME chain, byte lengths")
  func jsonFacts() throws {
    let nullMX = try json(
      CLIRunner.run(["lookup", "--format", "json", "nullmx.example.test", "MX"] + Self.zoneArguments).stdout)
    let records = try #require(nullMX["records"] as? [[String: Any]])
    #expect(records.first?["null_mx"] as? Bool == true)
    let chain = try json(
      CLIRunner.run(["lookup", "--format", "json", "chain1.example.test", "txt"] + Self.zoneArguments).stdout)
    let links = try #require(chain["cname_chain"] as? [[String: Any]])
    #expect(links.map { $0["target"] as? String } == ["chain2.example.test", "chain3.example.test"])
    let huge = try json(
      CLIRunner.run(["lookup", "--format", "json", "huge.example.test", "TXT"] + Self.zoneArguments).stdout)
    let hugeRecord = try #require((huge["records"] as? [[String: Any]])?.first)
    #expect(hugeRecord["length"] as? Int == 2000)
    #expect(
      (hugeRecord["strings"] as? [[String: Any]])?.map { $0["length"] as? Int } == Array(repeating: 250, count: 8))
  }

  @Test("NXDOMAIN and NODATA exit 0; SERVFAIL, REFUSED and timeouts exit 2")
  func exitCodes() throws {
    let server = try NSDServer.shared()
    let ns = server.nameserver.description
    #expect(try CLIRunner.run(["lookup", "--nameserver", ns, "missing.example.test", "TXT"]).status == 0)
    #expect(try CLIRunner.run(["lookup", "--nameserver", ns, "mx.example.test", "TXT"]).status == 0)
    let servfail = try CLIRunner.run(["lookup", "--nameserver", ns, "broken.test", "SOA"])
    #expect(servfail.status == 2)
    #expect(servfail.stdout.contains("SERVFAIL"))
    #expect(try CLIRunner.run(["lookup", "--nameserver", ns, "example.org", "TXT"]).status == 2)
    let silent = try SilentServer()
    let started = Date()
    let timeout = try CLIRunner.run(
      ["lookup", "--nameserver", silent.nameserver.description, "--timeout", "0.3", "--retries", "2", "example.test"])
    #expect(timeout.status == 2)
    #expect(timeout.stdout.contains("TIMEOUT"))
    #expect(Date().timeIntervalSince(started) < 30, "0.3 s × 2 tries, plus process start: never a hang")
  }

  @Test(arguments: [
    (["lookup", "--bogus", "example.test"], "Unknown option"),
    (["lookup", "example.test", "NOPE"], "unknown record type"),
    (["lookup", "a..b", "TXT"], "not a domain name"),
    (["lookup", "--nameserver", "dns.example", "example.test"], "not IP"),
    (["lookup", "--timeout", "0", "example.test"], "--timeout"),
    (["lookup", "--format", "sarif", "example.test"], "writes text, json"),
  ])
  func usageErrors(_ arguments: [String], _ message: String) throws {
    let result = try CLIRunner.run(arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message))
    #expect(result.stderr.contains("Usage:"))
  }

  @Test("a broken zone file exits 65 naming file, line and rule")
  func badZone() throws {
    let path = NSTemporaryDirectory() + "mailzone-bad-\(getpid()).zone"
    try "$ORIGIN bad.test.\n@ 300 SOA ns h 1 2 3 4 5\n@ 300 TXT \"v=spf1 -all\n".write(
      toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = try CLIRunner.run(["lookup", "--zone", path, "bad.test", "TXT"])
    #expect(result.status == 65)
    #expect(result.stderr.contains("\(path):3:"))
    #expect(result.stderr.contains("[unterminated-quote]"))
    let missing = try CLIRunner.run(["lookup", "--zone", "/nonexistent.zone", "bad.test"])
    #expect(missing.status == 65)
    #expect(missing.stderr.contains("/nonexistent.zone"))
  }

  @Test("--version and help")
  func versionAndHelp() throws {
    let version = try CLIRunner.run(["--version"])
    #expect(version.status == 0)
    #expect(!version.stdout.isEmpty)
    let help = try CLIRunner.run(["--help"])
    #expect(help.stdout.contains("64  usage error"))
    #expect(help.stdout.contains("lookup"))
  }
}
