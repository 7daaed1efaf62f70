import MailZoneDNS
import MailZoneTestSupport
import Testing

/// The conformance harness itself: YAML read as PyYAML reads it, `zonedata` given the meaning of
/// pyspf's `testspf.py`, and DNS answered as `spf_suite.py --serve` answers. A harness that
/// misreads the suite would make the counts of `SPFConformanceTests` meaningless.
@Suite("SPF suite harness: YAML, zonedata and in-memory DNS")
struct SPFSuiteHarnessTests {
  @Test(
    "SHA-256 known answers (FIPS 180-4 examples), which pin the suite files",
    arguments: [
      ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
      ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
      (
        "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
      ),
      (
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"
      ),
    ])
  func sha256(_ message: String, _ digest: String) {
    #expect(SHA256Digest.hex(Array(message.utf8)) == digest)
  }

  static let yaml = #"""
    # comment before the first document
    ---
    description: First
    tests:
      one:
        spec: 4.3/1
        helo: mail.example.net
        host: 1.2.3.5
        mailfrom: a@b.example.com
        result: none
    zonedata:
      b.example.com:
        - TIMEOUT
    ---
    tests:
      two:
        spec: [4.3/1, 4.8/5]
        helo: "%%%"
        host: CAFE:BABE::1
        mailfrom:
        result: [Fail, permerror]
        explanation: DEFAULT
    zonedata:
      Mixed.Example.COM:
        - SPF:  "v=spf1 a:\xEF\xBB\xBFx -all"
        - SPF: [ ]
        - TXT: [ "v=spf1 ip4:", "192.0.2.5 -all" ]
        - MX: [0, ""]
        - A: TIMEOUT
    """#

  @Test("the YAML is read as spf_suite.py reads it: numbering, defaults, lists, escapes")
  func parse() throws {
    let scenarios = try SPFSuite.parse(Self.yaml)
    try #require(scenarios.count == 2)
    #expect(scenarios[0].index == 0 && scenarios[0].description == "First")
    #expect(scenarios[1].index == 1 && scenarios[1].description == "scenario 1")
    let one = try #require(scenarios[0].tests.first)
    #expect(one.id == "one" && one.host == "1.2.3.5" && one.mailFrom == "a@b.example.com")
    #expect(one.results == ["none"] && one.explanation == nil)
    #expect(scenarios[0].zonedata.first?.entries == [.timeout])
    let two = try #require(scenarios[1].tests.first)
    #expect(two.spec == "4.3/1,4.8/5" && two.helo == "%%%" && two.mailFrom == "")
    #expect(two.results == ["fail", "permerror"] && two.explanation == "DEFAULT")
    let zone = try #require(scenarios[1].zonedata.first)
    #expect(zone.owner == "Mixed.Example.COM")
    #expect(
      zone.entries == [
        // YAML's \xEF is the code point U+00EF; testspf.py serves its UTF-8 encoding.
        .record(type: "SPF", value: .scalar("v=spf1 a:\u{EF}\u{BB}\u{BF}x -all")),
        .record(type: "SPF", value: .list([])),
        .record(type: "TXT", value: .list(["v=spf1 ip4:", "192.0.2.5 -all"])),
        .record(type: "MX", value: .list(["0", ""])),
        .record(type: "A", value: .scalar("TIMEOUT")),
      ])
  }

  /// One question against a small zone, and the answer `spf_suite.py --serve` would give.
  struct Case: Sendable, CustomTestStringConvertible {
    var reason: String
    var zonedata: [(owner: String, entries: [SuiteZoneEntry])]
    var name: String
    var type: RRType
    var status: DNSStatus
    /// The records of the asked type at the end of any chain, in presentation form.
    var records: [String] = []
    var cnames = 0
    var cnameLoop: SuiteZoneResolver.CNAMELoop = .servfail
    var testDescription: String { reason }
  }

  static func txt(_ strings: String...) -> SuiteZoneEntry { .record(type: "TXT", value: .list(strings)) }
  static func spf(_ strings: String...) -> SuiteZoneEntry { .record(type: "SPF", value: .list(strings)) }
  static func rr(_ type: String, _ value: String) -> SuiteZoneEntry { .record(type: type, value: .scalar(value)) }

  static let cases: [Case] = [
    Case(
      reason: "a TXT list is one record of several strings", zonedata: [("a.test", [txt("v=spf1 ", "-all")])],
      name: "a.test", type: .txt, status: .noError, records: [#""v=spf1 " "-all""#]),
    Case(
      reason: "SPF records are copied to TXT when the owner has no TXT entry",
      zonedata: [("a.test", [spf("v=spf1 -all"), spf()])], name: "a.test", type: .txt, status: .noError,
      records: [#""v=spf1 -all""#, ""]),
    Case(
      reason: "type 99 is served as itself", zonedata: [("a.test", [spf("v=spf1 -all")])], name: "a.test",
      type: .spf, status: .noError, records: [#""v=spf1 -all""#]),
    Case(
      reason: "TXT: NONE suppresses the copy: NODATA", zonedata: [("a.test", [spf("v=spf1 -all"), txt("NONE")])],
      name: "a.test", type: .txt, status: .noData),
    Case(
      reason: "a TXT entry, even after the SPF one, suppresses the copy",
      zonedata: [("a.test", [spf("v=spf1 -all"), txt("v=spf1 +all")])], name: "a.test", type: .txt,
      status: .noError, records: [#""v=spf1 +all""#]),
    Case(
      reason: "types listed before TIMEOUT are answered",
      zonedata: [("a.test", [txt("v=spf1 -all"), .timeout])], name: "a.test", type: .txt, status: .noError,
      records: [#""v=spf1 -all""#]),
    Case(
      reason: "other types at a TIMEOUT owner time out", zonedata: [("a.test", [txt("v=spf1 -all"), .timeout])],
      name: "a.test", type: .a, status: .timeout),
    Case(
      reason: "entries after TIMEOUT are never served", zonedata: [("a.test", [.timeout, txt("v=spf1 -all")])],
      name: "a.test", type: .txt, status: .timeout),
    Case(
      reason: "SPF copies go after TIMEOUT, so they are never served either",
      zonedata: [("a.test", [spf("v=spf1 -all"), .timeout])], name: "a.test", type: .txt, status: .timeout),
    Case(
      reason: "{A: TIMEOUT} times out A only", zonedata: [("a.test", [rr("A", "TIMEOUT")])], name: "a.test",
      type: .a, status: .timeout),
    Case(
      reason: "{A: TIMEOUT} leaves other types NODATA", zonedata: [("a.test", [rr("A", "TIMEOUT")])],
      name: "a.test", type: .txt, status: .noData),
    Case(
      reason: "a name not listed is NXDOMAIN", zonedata: [("a.test", [rr("A", "192.0.2.1")])], name: "b.test",
      type: .a, status: .nxDomain),
    Case(
      reason: "an ancestor of a listed name is an empty non-terminal: NODATA",
      zonedata: [("x.a.test", [rr("A", "192.0.2.1")])], name: "a.test", type: .a, status: .noData),
    Case(
      reason: "an owner listed without records exists", zonedata: [("a.test", [])], name: "a.test", type: .txt,
      status: .noData),
    Case(
      reason: "owners match case-insensitively", zonedata: [("Mail.Example.COM", [rr("AAAA", "CAFE:BABE::1")])],
      name: "mail.example.com", type: .aaaa, status: .noError, records: ["cafe:babe::1"]),
    Case(
      reason: "a CNAME is followed inside the data",
      zonedata: [("b.test", [rr("CNAME", "a.test")]), ("a.test", [rr("A", "192.0.2.1"), rr("A", "192.0.2.2")])],
      name: "b.test", type: .a, status: .noError, records: ["192.0.2.1", "192.0.2.2"], cnames: 1),
    Case(
      reason: "a CNAME to a missing name is NXDOMAIN", zonedata: [("b.test", [rr("CNAME", "gone.test")])],
      name: "b.test", type: .a, status: .nxDomain, cnames: 1),
    Case(
      reason: "a TIMEOUT along a CNAME chain times out",
      zonedata: [("b.test", [rr("CNAME", "a.test")]), ("a.test", [.timeout])], name: "b.test", type: .txt,
      status: .timeout),
    Case(
      reason: "a CNAME loop is SERVFAIL by default", zonedata: [("c.test", [rr("CNAME", "C.test.")])],
      name: "c.test", type: .a, status: .servFail),
    Case(
      reason: "a CNAME loop sent as bare CNAMEs is found by the typed lookup",
      zonedata: [("c.test", [rr("CNAME", "d.test")]), ("d.test", [rr("CNAME", "c.test")])], name: "c.test",
      type: .a, status: .cnameLoop, cnames: 2, cnameLoop: .cnames),
    Case(
      reason: "MX [0, \"\"] is the null MX", zonedata: [("a.test", [.record(type: "MX", value: .list(["0", ""]))])],
      name: "a.test", type: .mx, status: .noError, records: ["0 ."]),
    Case(
      reason: "PTR targets keep their case", zonedata: [("4.3.2.1.in-addr.arpa", [rr("PTR", "mail.Example.com")])],
      name: "4.3.2.1.in-addr.arpa", type: .ptr, status: .noError, records: ["mail.Example.com."]),
    Case(
      reason: "strings over 255 octets go out split, as on the wire",
      zonedata: [("a.test", [txt(String(repeating: "x", count: 300))])], name: "a.test", type: .txt,
      status: .noError,
      records: [
        "\"" + String(repeating: "x", count: 255) + "\" \"" + String(repeating: "x", count: 45) + "\""
      ]),
    Case(
      reason: "TXT text is served as its UTF-8 bytes", zonedata: [("a.test", [txt("a:\u{EF}x")])], name: "a.test",
      type: .txt, status: .noError, records: [#""a:\195\175x""#]),
  ]

  @Test("each question is answered as spf_suite.py --serve answers it", arguments: cases)
  func answer(_ example: Case) async throws {
    let zone = try SuiteZone(example.zonedata)
    let resolver = SuiteZoneResolver(zone, cnameLoop: example.cnameLoop)
    let name = try DNSName(example.name)
    let answer = await resolver.lookup(name, example.type)
    #expect(answer.status == example.status)
    #expect(answer.records.map(\.data.presentation) == example.records)
    #expect(answer.cnameChain.count == example.cnames)
    let asked = await resolver.queries.first
    #expect(asked?.name == name && asked?.type == example.type)
  }

  @Test("an owner that cannot be put on the wire is left out and noted, never served")
  func unencodableOwner() throws {
    let long = String(repeating: "a", count: 64) + ".example.com"
    let zone = try SuiteZone([(long, [Self.spf("v=spf1 -all")]), ("a..example.com", [Self.spf("v=spf1 -all")])])
    #expect(zone.records.isEmpty)
    #expect(zone.notes.count == 2)
    #expect(SuiteZone.name(String(repeating: "a", count: 63) + ".example.com") != nil)
  }

  @Test("bad zonedata fails loudly instead of being served wrong")
  func badData() {
    #expect(throws: SuiteZoneError.self) { try SuiteZone([("a.test", [Self.rr("A", "300.1.1.1")])]) }
    #expect(throws: SuiteZoneError.self) {
      try SuiteZone([("a.test", [.record(type: "MX", value: .list(["ten", "mx.test"]))])])
    }
  }

  @Test("the judge: listed alternatives, exact explanations, DEFAULT accepts none")
  func judge() {
    let test = SPFSuite.Test(
      id: "t", spec: "", host: "", mailFrom: "", helo: "", results: ["fail", "permerror"], explanation: "DEFAULT")
    #expect(SPFSuiteRunner.judge(test, code: "permerror", explanation: nil).isEmpty)
    #expect(SPFSuiteRunner.judge(test, code: "fail", explanation: "").isEmpty)
    #expect(SPFSuiteRunner.judge(test, code: "fail", explanation: "text").count == 1)
    #expect(SPFSuiteRunner.judge(test, code: "pass", explanation: nil).count == 1)
    var exact = test
    exact.explanation = "See me."
    #expect(SPFSuiteRunner.judge(exact, code: "fail", explanation: "See me.").isEmpty)
    #expect(SPFSuiteRunner.judge(exact, code: "fail", explanation: nil).count == 1)
  }
}
