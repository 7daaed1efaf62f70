import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone spf check` run as users run it, against a zone file and NSD.
@Suite("mailzone spf check, end to end")
struct SPFCheckCommandTests {
  static let zone: String = {
    let path = NSTemporaryDirectory() + "mailzone-spfcheck-\(getpid()).zone"
    let text = """
      $ORIGIN check.test.
      $TTL 300
      @     SOA  ns hostmaster 1 3600 600 86400 300
      @     TXT  "v=spf1 include:_spf.check.test -all exp=why.check.test"
      _spf  TXT  "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 ~all"
      why   TXT  "%{i} may not send for %{d}"
      """
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }()

  func json(_ result: CLIRunner.Result) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
  }

  @Test("pass exits 0, with the deciding term and the lookup count")
  func pass() throws {
    let result = try CLIRunner.run(
      ["spf", "check", "--zone", Self.zone, "--ip", "192.0.2.10", "--sender", "a@check.test", "--format", "json"])
    #expect(result.status == 0)
    let object = try json(result)
    #expect(object["result"] as? String == "pass")
    #expect(object["explanation"] is NSNull)
    #expect(object["lookups"] as? Int == 1)
    #expect(object["void_lookups"] as? Int == 0)
    #expect(object["deciding_term"] as? String == "include:_spf.check.test")
    #expect((object["trace"] as? [Any])?.isEmpty == false)
  }

  @Test("fail exits 1 and carries the exp= explanation; text shows the trace")
  func fail() throws {
    let json = try json(
      CLIRunner.run([
        "spf", "check", "--zone", Self.zone, "--ip", "203.0.113.1", "--sender", "a@check.test",
        "--format", "json",
      ]))
    #expect(json["result"] as? String == "fail")
    #expect(json["explanation"] as? String == "203.0.113.1 may not send for check.test")
    let text = try CLIRunner.run(
      ["spf", "check", "--zone", Self.zone, "--ip", "203.0.113.1", "--sender", "a@check.test"])
    #expect(text.status == 1)
    #expect(text.stdout.contains("check_host(203.0.113.1, check.test, a@check.test)"))
    #expect(text.stdout.contains("include:_spf.check.test"))
    #expect(text.stdout.contains("result: fail"))
  }

  @Test("a bounce (empty sender) checks the HELO name; DOMAIN overrides the sender's")
  func identities() throws {
    let bounce = try json(
      CLIRunner.run([
        "spf", "check", "--zone", Self.zone, "--ip", "192.0.2.1", "--sender", "", "--helo", "check.test",
        "--format", "json",
      ]))
    #expect(bounce["result"] as? String == "pass")
    #expect(bounce["domain"] as? String == "check.test")
    let explicit = try json(
      CLIRunner.run([
        "spf", "check", "--zone", Self.zone, "--ip", "192.0.2.1", "--sender", "a@other.test",
        "--format", "json", "_spf.check.test",
      ]))
    #expect(explicit["result"] as? String == "pass")
  }

  @Test("a DNS failure is temperror, exit 2")
  func temperror() throws {
    let silent = try SilentServer()
    let result = try CLIRunner.run(
      [
        "spf", "check", "--nameserver", silent.nameserver.description, "--timeout", "0.2", "--retries", "1",
        "--ip", "192.0.2.1", "--sender", "a@example.test",
      ])
    #expect(result.status == 2)
    #expect(result.stdout.contains("result: temperror"))
  }

  @Test(arguments: [
    (["--ip", "192.0.2.300", "--sender", "a@check.test"], "--ip"),
    (["--ip", "192.0.2.1", "--sender", "no-at-sign"], "--sender"),
    (["--ip", "192.0.2.1", "--sender", "a@check.test", "a..b"], "not a domain name"),
    (["--ip", "192.0.2.1"], "give DOMAIN"),
    (["--sender", "a@check.test"], "Missing expected argument '--ip"),
  ])
  func usage(_ arguments: [String], _ message: String) throws {
    let result = try CLIRunner.run(["spf", "check"] + arguments)
    #expect(result.status == 64)
    #expect(result.stderr.contains(message))
  }
}
