import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone parse` run as a user runs it: the built binary, its JSON contract, carets and exit codes.
@Suite("mailzone parse, end to end")
struct ParseCommandTests {
  func json(_ output: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(output.utf8))
    return try #require(object as? [String: Any])
  }

  struct Case: Sendable, CustomTestStringConvertible {
    let kind: String
    let record: String
    let valid: Bool
    let reason: String
    var testDescription: String { "\(kind): \(reason)" }
  }

  static let cases: [Case] = [
    Case(kind: "spf", record: "v=spf1 include:_spf.example.com -all", valid: true, reason: "a valid spf record"),
    Case(
      kind: "spf", record: "v=spf1 ip4:192.0.2.01 -all", valid: false, reason: "an ipv4 leading zero (rfc 7208 §5.6)"),
    Case(
      kind: "dmarc", record: "v=DMARC1; p=reject; rua=mailto:d@example.com", valid: true, reason: "a valid dmarc record"
    ),
    Case(kind: "dmarc", record: "v=DMARC1; p=maybe", valid: false, reason: "a bad policy"),
    Case(kind: "dkim", record: "v=DKIM1; p=", valid: true, reason: "a revoked key"),
    Case(kind: "dkim", record: "v=DKIM1; k=dsa; p=", valid: false, reason: "an unknown key type"),
    Case(kind: "mta-sts", record: "v=STSv1; id=20240101", valid: true, reason: "a valid mta-sts record"),
    Case(
      kind: "mta-sts-policy", record: "version: STSv1\nmode: enforce\nmx: mx.example.com\nmax_age: 604800\n",
      valid: true, reason: "a valid policy"),
    Case(
      kind: "tlsrpt", record: "v=TLSRPTv1; rua=mailto:tls@example.com", valid: true, reason: "a valid tls-rpt record"),
    Case(kind: "bimi", record: "v=BIMI1; l=https://example.com/logo.svg", valid: true, reason: "a valid bimi record"),
    Case(kind: "bimi", record: "v=BIMI1; l=http://example.com/logo.svg", valid: false, reason: "bimi needs https"),
  ]

  @Test("json: valid, errors, warnings, facts and canonical; exit 0 valid, 1 invalid", arguments: cases)
  func contract(_ example: Case) throws {
    let result = try CLIRunner.run(["parse", example.kind, "--format", "json", "--", example.record])
    let object = try json(result.stdout)
    #expect(object["valid"] as? Bool == example.valid)
    #expect(result.status == (example.valid ? 0 : 1))
    let errors = try #require(object["errors"] as? [[String: Any]])
    #expect(errors.isEmpty == example.valid)
    for entry in errors + (object["warnings"] as? [[String: Any]] ?? []) {
      #expect(entry["code"] is String && entry["offset"] is Int && entry["message"] is String)
    }
    #expect((object["canonical"] is String) == example.valid)
  }

  @Test("dmarc facts follow --dmarc-spec: pct/ri/rf defaults only under 7489")
  func dmarcSpecs() throws {
    let record = "v=DMARC1; p=quarantine; rua=mailto:a@example.com,mailto:b@example.net!10m"
    let new = try json(CLIRunner.run(["parse", "dmarc", "--format", "json", record]).stdout)
    #expect(new["spec"] as? String == "rfc9989")
    #expect(new["pct"] is NSNull)
    #expect(new["np"] as? String == "quarantine")
    #expect((new["rua_max_bytes"] as? [Any])?.count == 2)
    #expect((new["rua_max_bytes"] as? [Any])?.last as? Int == 10_485_760)
    let old = try json(CLIRunner.run(["parse", "dmarc", "--dmarc-spec", "7489", "--format", "json", record]).stdout)
    #expect(old["pct"] as? Int == 100)
    #expect(old["ri"] as? Int == 86400)
    #expect(old["rf"] as? [String] == ["afrf"])
    let order = try CLIRunner.run(["parse", "dmarc", "--dmarc-spec", "7489", "v=DMARC1; sp=none; p=reject"])
    #expect(order.status == 1)
  }

  @Test("dkim facts: key bits, format, usable")
  func dkimFacts() throws {
    let record =
      "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDwIRP/UC3SBsEmGqZ9ZJW3/DkMoGeLnQg1fWn7/zYtIxN2SnFCjxOCKG9v3b4jYfcTNh5ijSsq631uBItLa7od+v/RtdC2UzJ1lWT947qR+Rcac2gbto/NMqJ0fzfVjH4OuKhitdY9tf6mcwGjaNBcWToIMmPSPDdQPNUYckcQ2QIDAQAB"
    let object = try json(CLIRunner.run(["parse", "dkim", "--format", "json", record]).stdout)
    #expect(object["key_bits"] as? Int == 1024)
    #expect(object["key_format"] as? String == "spki")
    #expect(object["usable"] as? Bool == true)
    #expect(object["revoked"] as? Bool == false)
    #expect(object["services"] as? [String] == ["*"])
  }

  @Test("spf facts: terms with qualifier, name, value, offset; lookup_terms")
  func spfFacts() throws {
    let object = try json(
      CLIRunner.run([
        "parse", "spf", "--format", "json", "v=spf1 ~include:_spf.example.com a/24 -all redirect=x.example",
      ]).stdout)
    let terms = try #require(object["terms"] as? [[String: Any]])
    #expect(terms.count == 4)
    #expect(terms[0]["qualifier"] as? String == "~" && terms[0]["mechanism"] as? String == "include")
    #expect(terms[0]["value"] as? String == "_spf.example.com" && terms[0]["offset"] as? Int == 7)
    #expect(terms[1]["value"] as? String == "/24")
    #expect(terms[2]["value"] is NSNull)
    #expect(terms[3]["modifier"] as? String == "redirect" && terms[3]["offset"] as? Int == 43)
    #expect(object["lookup_terms"] as? Int == 3)
  }

  @Test("text: the error points at its offset with a caret")
  func caret() throws {
    let result = try CLIRunner.run(["parse", "dmarc", "v=DMARC1; p=reject; adkim=x"])
    #expect(result.status == 1)
    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0] == "dmarc (rfc 9989): invalid")
    #expect(lines[1].hasPrefix("error [invalid-tag-value] at offset 26: "))
    #expect(lines[2] == "    v=DMARC1; p=reject; adkim=x")
    #expect(lines[3] == "    " + String(repeating: " ", count: 26) + "^")
  }

  @Test("text: a caret on the right line of a policy file, and inside long records")
  func caretPlacement() throws {
    let policy = try CLIRunner.run(["parse", "mta-sts-policy", "version: STSv1\nmode: sometimes\nmax_age: 1\n"])
    #expect(policy.stdout.contains("\n    mode: sometimes\n          ^\n"))
    let long = "v=spf1 " + String(repeating: "a ", count: 200) + "bogus"
    let result = try CLIRunner.run(["parse", "spf", long])
    let lines = result.stdout.split(separator: "\n").map(String.init)
    let recordLine = try #require(lines.first { $0.hasPrefix("    …") })
    let caretLine = try #require(lines.first { $0.hasSuffix("^") })
    let column = caretLine.count - 1
    #expect(Array(recordLine)[column...].starts(with: "bogus"))
  }

  @Test("the record comes from standard input when absent or '-', one final newline dropped")
  func standardInput() throws {
    let absent = try CLIRunner.run(["parse", "spf", "--format", "json"], stdin: "v=spf1 -all\n")
    #expect(try json(absent.stdout)["canonical"] as? String == "v=spf1 -all")
    let dash = try CLIRunner.run(
      ["parse", "tlsrpt", "--format", "json", "-"], stdin: "v=TLSRPTv1; rua=mailto:a@example.com\r\n")
    #expect(try json(dash.stdout)["valid"] as? Bool == true)
    let policy = try CLIRunner.run(
      ["parse", "mta-sts-policy", "--format", "json"], stdin: "version: STSv1\nmode: none\nmax_age: 86400\n")
    #expect(try json(policy.stdout)["mode"] as? String == "none")
  }

  @Test("usage errors exit 64: unknown kind, unsupported format, bad --dmarc-spec")
  func usage() throws {
    #expect(try CLIRunner.run(["parse", "dane", "x"]).status == 64)
    #expect(try CLIRunner.run(["parse", "spf", "--format", "sarif", "v=spf1"]).status == 64)
    #expect(try CLIRunner.run(["parse", "dmarc", "--dmarc-spec", "1234", "v=DMARC1"]).status == 64)
    let help = try CLIRunner.run(["parse", "--help"])
    #expect(help.stdout.contains("Exit status: 0 when the record is valid"))
  }

  /// The checkout's root, from this file's path (Tests/MailZoneCLITests/ParseCommandTests.swift).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The shared conformance material beside the checkout (or `$MAILZONE_SHARED`), when present.
  static let vectorsPresent: Bool = {
    let shared =
      ProcessInfo.processInfo.environment["MAILZONE_SHARED"].map { URL(fileURLWithPath: $0) }
      ?? root.deletingLastPathComponent().appendingPathComponent("shared")
    return FileManager.default.fileExists(atPath: shared.appendingPathComponent("conformance/record_vectors.py").path)
  }()

  @Test(
    "record vectors: 100% of the non-disputed dmarc and dkim vectors under both dmarc profiles",
    .enabled(if: vectorsPresent, "needs ../shared/conformance beside the checkout"))
  func recordVectors() throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [
      Self.root.appendingPathComponent("scripts/conformance-records.sh").path, try CLIRunner.binary(),
    ]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    let verdicts = text.split(separator: "\n").filter { $0.hasSuffix(" failed") }
    #expect(verdicts.count == 2)
    #expect(verdicts.allSatisfy { $0.hasSuffix(" 0 failed") }, "\(text)")
  }

  @Test("not spf at all is invalid with code not-spf")
  func notSPF() throws {
    let object = try json(CLIRunner.run(["parse", "spf", "--format", "json", "spf2.0/pra -all"]).stdout)
    let errors = try #require(object["errors"] as? [[String: Any]])
    #expect(errors.first?["code"] as? String == "not-spf")
    #expect(object["terms"] is NSNull)
  }
}
