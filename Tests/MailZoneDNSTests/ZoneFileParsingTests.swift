import MailZoneDNS
import MailZoneTestSupport
import Testing

@Suite("Zone files: what ldns accepts silently is reported, with file, line and rule")
struct ZoneFileParsingTests {
  struct Broken: CustomTestStringConvertible, Sendable {
    let reason: String
    let text: String
    let rule: ZoneFileError.Rule
    let line: Int
    var testDescription: String { "\(reason) → \(rule.rawValue) at line \(line)" }
  }

  static let header = "$ORIGIN z.test.\n$TTL 300\n@ SOA ns.z.test. h.z.test. 1 2 3 4 5\n"

  @Test(arguments: [
    Broken(
      reason: "unterminated quote (ldns swallows the next lines)",
      text: header + "@ TXT \"v=spf1 -all\n@ MX 10 mx\n", rule: .unterminatedQuote, line: 4),
    Broken(
      reason: "missing ')' (ldns swallows the rest of the file)",
      text: header + "@ TXT ( \"a\"\n  \"b\"\nmx A 192.0.2.1\n", rule: .unbalancedParenthesis, line: 4),
    Broken(reason: "')' without '('", text: header + "@ TXT \"a\" )\n", rule: .unbalancedParenthesis, line: 4),
    Broken(reason: "bad $TTL (ldns ignores it)", text: "$ORIGIN z.test.\n$TTL abc\n", rule: .badTTL, line: 2),
    Broken(reason: "$TTL over 2^31-1", text: "$TTL 4294967295\n", rule: .badTTL, line: 1),
    Broken(
      reason: "unknown directive (ldns makes it a type-0 record)",
      text: header + "$FOO bar\n", rule: .unknownDirective, line: 4),
    Broken(
      reason: "$INCLUDE is not followed", text: header + "$INCLUDE other.zone\n",
      rule: .unsupportedDirective, line: 4),
    Broken(
      reason: "relative owner with no origin (ldns puts it under the root)",
      text: "www 300 IN A 192.0.2.1\n", rule: .noOrigin, line: 1),
    Broken(reason: "@ with no origin", text: "@ 300 IN TXT \"x\"\n", rule: .noOrigin, line: 1),
    Broken(
      reason: "relative MX target with no origin",
      text: "z.test. 300 IN MX 10 mx\n", rule: .noOrigin, line: 1),
    Broken(reason: "bad rdata, found by ldns", text: header + "mx A 999.1.1.1\n", rule: .syntax, line: 4),
    Broken(
      reason: "owner outside the zone", text: header + "www.other.test. A 192.0.2.1\n", rule: .outOfZone,
      line: 4),
    Broken(
      reason: "second SOA", text: header + "@ SOA ns.z.test. h.z.test. 2 2 3 4 5\n", rule: .secondSOA,
      line: 4),
  ])
  func reportsBrokenZone(_ c: Broken) {
    #expect {
      try ZoneFile(text: c.text, path: "broken.zone")
    } throws: { error in
      guard let error = error as? ZoneFileError else { return false }
      return error.rule == c.rule && error.line == c.line && error.file == "broken.zone"
    }
  }

  @Test("a record with no SOA and no origin has no apex")
  func noApex() {
    #expect(throws: ZoneFileError.self) { try ZoneFile(text: "x.test. 300 IN A 192.0.2.1\n", path: "a.zone") }
  }

  @Test("the origin can come from the caller; semicolons inside quotes are data")
  func callerOrigin() throws {
    let zone = try ZoneFile(
      text: "@ 300 IN TXT \"v=DMARC1; p=none\" ; comment\nwww 300 IN A 192.0.2.1\n", path: "o.zone",
      origin: Fixtures.name("o.test"))
    #expect(zone.apex == Fixtures.name("o.test"))
    let txt = zone.entries.first { $0.record.type == .txt }
    #expect(txt?.record.data == .txt(TXTData(strings: [Array("v=DMARC1; p=none".utf8)])))
    #expect(txt?.line == 1)
    #expect(zone.entries.first { $0.record.type == .a }?.line == 2)
  }

  @Test("fixture zones parse, with each record's line")
  func fixtures() throws {
    for path in Fixtures.zoneFiles {
      let zone = try ZoneFile(path: path)
      #expect(zone.soa != nil, "\(path) has an SOA")
      #expect(zone.entries.allSatisfy { $0.line != nil }, "\(path): every record has a line")
    }
    let example = try ZoneFile(path: Fixtures.directory + "/zones/example.test.zone")
    let long = try #require(example.entries.first { $0.record.owner == Fixtures.name("long.example.test") })
    #expect(long.line == 16, "a multi-line record is located at its first line")
  }

  @Test("an unreadable file names the file")
  func unreadable() {
    #expect {
      try ZoneFile(path: "/nonexistent/zone")
    } throws: { ($0 as? ZoneFileError)?.rule == .unreadable }
  }
}
