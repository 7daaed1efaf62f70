import Foundation
import MailZoneTestSupport
import Testing

/// `mailzone spf tree` run as a user runs it: the built binary against the spf.test fixtures.
@Suite("mailzone spf tree, end to end")
struct SPFTreeCommandTests {
  static let zones = ["spf.test.zone", "google.test.zone"].flatMap { ["--zone", Fixtures.directory + "/zones/" + $0] }

  func tree(_ domain: String, _ extra: [String] = []) throws -> CLIRunner.Result {
    try CLIRunner.run(["spf", "tree", domain] + extra + Self.zones)
  }

  func json(_ domain: String, _ extra: [String] = []) throws -> [String: Any] {
    let result = try tree(domain, ["--format", "json"] + extra)
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(object as? [String: Any], "\(result.stdout)\(result.stderr)")
  }

  /// The line of the text output that starts (after the tree drawing) with `term`.
  func line(_ output: String, term: String) -> String? {
    output.split(separator: "\n").map(String.init).first { $0.contains("── " + term + " ") }
  }

  @Test("text: box drawing, running totals, the 10th and 11th lookups marked, exit 1")
  func overflowText() throws {
    let result = try tree("eleven.spf.test")
    #expect(result.status == 1)
    let out = result.stdout
    #expect(out.hasPrefix("eleven.spf.test  v=spf1 a mx include:_spf.google.test include:inner.spf.test -all\n"))
    #expect(out.contains("├── include:_spf.google.test  +1 → 3\n│   │  _spf.google.test  v=spf1 include:_netblocks"))
    #expect(out.contains("│   ├── include:_netblocks.google.test  +1 → 4\n"))
    #expect(line(out, term: "exists:host3.spf.test")?.hasSuffix("+1 → 10  ← 10th lookup: the last one allowed") == true)
    #expect(line(out, term: "mx:mail.spf.test")?.contains("+1 → 11  ← 11th lookup: over the limit") == true)
    #expect(out.contains("└── -all\n"))
    #expect(out.contains("lookups: 11 (limit 10) — over the limit; the 11th is mx:mail.spf.test in inner.spf.test"))
    #expect(out.contains("error too-many-lookups at inner.spf.test mx:mail.spf.test"))
    #expect(!out.contains("\u{1B}["))
  }

  @Test("text: the Google-like chain is 4 lookups and valid, exit 0")
  func googleText() throws {
    let result = try tree("google.spf.test")
    #expect(result.status == 0)
    #expect(result.stdout.contains("│   └── include:_netblocks3.google.test  +1 → 4\n"))
    #expect(result.stdout.contains("lookups: 4 (limit 10)\n"))
    #expect(result.stdout.hasSuffix("valid\n"))
  }

  @Test("text: client-dependent terms, voids, loops and ignored redirects are marked")
  func marks() throws {
    let macros = try tree("macros.spf.test").stdout
    #expect(line(macros, term: "ptr")?.hasSuffix("[depends on the client IP: counted, not followed]") == true)
    #expect(macros.contains("void lookups: 0 (limit 2) (4 more depend on the client IP)"))
    let voids = try tree("threevoids.spf.test").stdout
    #expect(line(voids, term: "exists:gone3.spf.test")?.hasSuffix("void lookup (3 of 2)") == true)
    let loop = try tree("loop.spf.test").stdout
    #expect(loop.contains("loop.spf.test  ↻ loop: loop.spf.test is already being evaluated"))
    let outside = try tree("incbroken.spf.test").stdout
    #expect(outside.contains("spf.broken.test  outside the loaded zone files: unknown, not followed"))
    let ignored = try tree("redirectall.spf.test").stdout
    #expect(line(ignored, term: "redirect=_spf.spf.test")?.contains("ignored") == true)
  }

  @Test("colour only when asked (NO_COLOR is set by the runner), and --color wins")
  func colour() throws {
    #expect(!(try tree("eleven.spf.test").stdout.contains("\u{1B}[")))
    let coloured = try tree("eleven.spf.test", ["--color"]).stdout
    #expect(coloured.contains("\u{1B}[31m← 11th lookup: over the limit\u{1B}[0m"))
  }

  @Test("json: the audit facts, the overflow point, nodes with children and terms")
  func jsonFacts() throws {
    let object = try json("eleven.spf.test")
    #expect(object["schema"] as? String == "mailzone.spf-tree/1")
    #expect(object["lookups"] as? Int == 11)
    #expect(object["void_lookups"] as? Int == 0)
    #expect(object["void_lookups_ip_dependent"] as? Int == 0)
    #expect(object["valid"] as? Bool == false)
    #expect(object["all"] as? String == "-all")
    #expect(object["includes"] as? [String] == ["_spf.google.test", "inner.spf.test"])
    #expect(object["status"] as? String == "complete")
    let overflow = try #require(object["overflow"] as? [String: Any])
    #expect(overflow["domain"] as? String == "inner.spf.test")
    #expect(overflow["term"] as? String == "mx:mail.spf.test")
    let root = try #require(object["tree"] as? [String: Any])
    let children = try #require(root["children"] as? [[String: Any]])
    #expect(children.map { $0["domain"] as? String } == ["_spf.google.test", "inner.spf.test"])
    let terms = try #require(root["terms"] as? [[String: Any]])
    #expect(terms.map { $0["cumulative"] as? Int } == [1, 2, 3, 7, 11])
    #expect(terms.map { $0["cost"] as? Int } == [1, 1, 1, 1, 0])
    #expect(terms[2]["child"] as? Int == 1)
    let problems = try #require(object["problems"] as? [[String: Any]])
    #expect(problems.map { $0["code"] as? String } == ["too-many-lookups"])
  }

  @Test("json: absent facts are null, names have no trailing dot")
  func jsonNulls() throws {
    let none = try json("nothing.spf.test")
    #expect(none["exists"] as? Bool == false)
    for key in ["record", "strings", "length", "lookups", "void_lookups", "all", "includes", "valid", "overflow"] {
      #expect(none[key] is NSNull, "\(key)")
    }
    let macros = try json("macros.spf.test")
    let terms = try #require((macros["tree"] as? [String: Any])?["terms"] as? [[String: Any]])
    #expect(terms.map { $0["ip_dependent"] as? Bool } == [true, true, true, true, false])
    #expect(terms[3]["target"] is NSNull)
    let google = try json("google.spf.test")
    #expect(google["includes"] as? [String] == ["_spf.google.test"])
    #expect((google["tree"] as? [String: Any])?["domain"] as? String == "google.spf.test")
  }

  @Test(
    "exit codes",
    arguments: [
      (["google.spf.test"], 0, "valid tree"), (["ten.spf.test"], 0, "exactly 10 lookups"),
      (["eleven.spf.test"], 1, "11 lookups"), (["threevoids.spf.test"], 1, "3 void lookups"),
      (["loop.spf.test"], 1, "include loop"), (["multiple.spf.test"], 1, "two records"),
      (["nothing.spf.test"], 1, "no SPF record"),
      (["incbroken.spf.test"], 0, "an include outside the zone files: unknown, not failed"),
      (["bad..name"], 64, "not a domain name"), (["."], 64, "the root"),
      (["google.spf.test", "--format", "sarif"], 64, "a format the command does not write"),
    ])
  func exitCodes(_ arguments: [String], _ status: Int32, _ why: String) throws {
    let result = try CLIRunner.run(["spf", "tree"] + arguments + Self.zones)
    #expect(result.status == status, "\(why): \(result.stderr)")
  }

  @Test("exit 65 for a zone file that does not parse")
  func badZone() throws {
    let result = try CLIRunner.run(["spf", "tree", "x.broken.test", "--zone", Fixtures.brokenZone])
    #expect(result.status == 65)
    #expect(result.stderr.hasPrefix("mailzone: "))
  }

  @Test("over live DNS: the same facts from NSD as from the zone files; SERVFAIL exits 2")
  func live() throws {
    let server = try NSDServer.shared()
    let ns = ["--nameserver", server.nameserver.description]
    for domain in ["google.spf.test", "eleven.spf.test", "macros.spf.test"] {
      let overWire = try JSONSerialization.jsonObject(
        with: Data(CLIRunner.run(["spf", "tree", domain, "--format", "json"] + ns).stdout.utf8))
      let fromFiles = try json(domain)
      for key in ["lookups", "void_lookups", "valid", "includes", "overflow", "tree", "queries"] {
        #expect(((overWire as? [String: Any])?[key] as? NSObject) == (fromFiles[key] as? NSObject), "\(domain) \(key)")
      }
    }
    let broken = try CLIRunner.run(["spf", "tree", "incbroken.spf.test"] + ns)
    #expect(broken.status == 2)
    #expect(broken.stdout.contains("TXT query failed: SERVFAIL"))
  }

  @Test("a hostile fan-out of 2,000 includes ends quickly, cut short, exit 1")
  func hostile() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let result = try CLIRunner.run([
      "spf", "tree", "fanout.test", "--format", "json", "--zone", Fixtures.directory + "/spf/fanout.test.zone",
    ])
    #expect(clock.now - start < .seconds(30))  // alone: about 0.2 s; the guard catches a blow-up
    #expect(result.status == 1)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(object["truncated"] as? Bool == true)
    #expect(object["valid"] as? Bool == false)
  }

  @Test("--help documents the exit codes")
  func help() throws {
    let result = try CLIRunner.run(["spf", "tree", "--help"])
    #expect(result.status == 0)
    for text in [
      "Exit codes:", "  0   valid", "  1   an error", "  2   incomplete", "  64  usage error", "  65  bad input",
    ] {
      #expect(result.stdout.contains(text), "\(text)")
    }
  }
}
