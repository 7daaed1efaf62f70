import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// The Public Suffix List reader and the RFC 7489 §3.2 organizational domain it gives.
@Suite("Public Suffix List (RFC 7489 §3.2)")
struct PublicSuffixListTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let name: String
    let suffix: String
    let organizational: String?
    let reason: String
    var testDescription: String { "\(name): \(reason)" }
  }

  static let fixturePath = Fixtures.directory + "/psl/test_psl.dat"

  static let fixtureCases: [Case] = [
    Case(name: "example.com", suffix: "com", organizational: "example.com", reason: "a one-label rule"),
    Case(
      name: "a.b.example.co.uk", suffix: "co.uk", organizational: "example.co.uk",
      reason: "the matching rule with the most labels prevails"),
    Case(name: "foo.bar.ck", suffix: "bar.ck", organizational: "foo.bar.ck", reason: "*.ck makes bar.ck a suffix"),
    Case(name: "www.ck", suffix: "ck", organizational: "www.ck", reason: "the exception !www.ck beats *.ck"),
    Case(name: "mail.www.ck", suffix: "ck", organizational: "www.ck", reason: "the exception covers names below it"),
    Case(
      name: "x.other.kawasaki.jp", suffix: "other.kawasaki.jp", organizational: "x.other.kawasaki.jp",
      reason: "a wildcard below a two-label rule"),
    Case(
      name: "www.city.kawasaki.jp", suffix: "kawasaki.jp", organizational: "city.kawasaki.jp",
      reason: "an exception under a wildcard leaves the rule minus its first label"),
    Case(
      name: "example.unlisted", suffix: "unlisted", organizational: "example.unlisted",
      reason: "no rule matches: the implicit * rule"),
    Case(
      name: "foo.blogspot.com", suffix: "com", organizational: "blogspot.com",
      reason: "the private section is not read"),
    Case(name: "acme.test", suffix: "test", organizational: "acme.test", reason: "text after the rule is ignored"),
    Case(name: "co.uk", suffix: "co.uk", organizational: nil, reason: "a public suffix has no organizational domain"),
    Case(name: "Mail.EXAMPLE.Co.UK", suffix: "Co.UK", organizational: "EXAMPLE.Co.UK", reason: "case-insensitive"),
  ]

  static let installedCases: [Case] = [
    Case(name: "www.example.co.uk", suffix: "co.uk", organizational: "example.co.uk", reason: "co.uk"),
    Case(name: "a.b.c.example.com", suffix: "com", organizational: "example.com", reason: "a gTLD"),
    Case(
      name: "a.b.kawasaki.jp", suffix: "b.kawasaki.jp", organizational: "a.b.kawasaki.jp",
      reason: "the *.kawasaki.jp wildcard"),
    Case(
      name: "www.city.kawasaki.jp", suffix: "kawasaki.jp", organizational: "city.kawasaki.jp",
      reason: "the !city.kawasaki.jp exception"),
    Case(
      name: "x.blogspot.com", suffix: "com", organizational: "blogspot.com",
      reason: "blogspot.com is a private-section rule, not an ICANN one"),
  ]

  @Test("the fixture list", arguments: fixtureCases)
  func fixture(_ c: Case) throws {
    let list = try PublicSuffixList(contentsOfFile: Self.fixturePath)
    try check(list, c)
  }

  @Test(
    "Debian's installed list", .enabled(if: PublicSuffixList.installed != nil, "the publicsuffix package is missing"),
    arguments: installedCases)
  func installed(_ c: Case) throws {
    let list = try #require(PublicSuffixList.installed)
    #expect(list.count > 5_000, "the ICANN section has thousands of rules")
    try check(list, c)
  }

  @Test("the fixture's rules are counted once, its private section skipped")
  func counts() throws {
    let list = try PublicSuffixList(contentsOfFile: Self.fixturePath)
    // com uk co.uk *.ck !www.ck jp kawasaki.jp *.kawasaki.jp !city.kawasaki.jp test
    #expect(list.count == 10)
  }

  @Test("a list without section markers is read whole")
  func noMarkers() throws {
    let list = PublicSuffixList(text: "// plain\nexample\n*.wild.example\n")
    #expect(list.organizationalDomain(of: try DNSName("a.b.wild.example")) == (try DNSName("a.b.wild.example")))
    #expect(list.organizationalDomain(of: try DNSName("x.y.example")) == (try DNSName("y.example")))
  }

  @Test("a missing file is an error naming the path")
  func missingFile() {
    #expect(throws: PublicSuffixListError.self) { try PublicSuffixList(contentsOfFile: "/nonexistent/psl.dat") }
  }

  private func check(_ list: PublicSuffixList, _ c: Case) throws {
    let name = try DNSName(c.name)
    #expect(list.publicSuffix(of: name) == (try DNSName(c.suffix)))
    #expect(list.organizationalDomain(of: name) == (try c.organizational.map { try DNSName($0) }))
  }
}
