import MailZoneAudit
import MailZoneDNS
import MailZoneRecords
import MailZoneTestSupport
import Testing

/// The SPF checks beyond "fails or passes": the fix each writes, the term each points at, and
/// the cases where no fix may be written because it would change what the record means.
@Suite("SPF checks: fixes, offsets and messages")
struct SPFCheckTests {
  struct Case: CustomTestStringConvertible, Sendable {
    let why: String
    let check: any Check
    let record: String
    /// Further zone lines for acme.test.
    var more = ""
    var extra: [String] = []
    /// The zone line expected as the first finding's fix (nil: none may be written).
    let fix: String?
    /// The first finding's offset.
    var offset: Int?
    var testDescription: String { "\(type(of: check).description.id): \(why)" }
  }

  static let esp = """
    $ORIGIN esp.test.
    @ 300 SOA ns hostmaster 1 3600 600 86400 300
    spf 300 TXT "v=spf1 ip4:203.0.113.0/24 ~all"
    """

  static let cases: [Case] = [
    Case(
      why: "+all becomes -all", check: SPFPassAllCheck(), record: #""v=spf1 mx +all""#,
      fix: #"acme.test. 300 IN TXT "v=spf1 mx -all""#, offset: 10),
    Case(
      why: "a bare all is +all", check: SPFPassAllCheck(), record: #""v=spf1 ip4:192.0.2.1 all""#,
      fix: #"acme.test. 300 IN TXT "v=spf1 ip4:192.0.2.1 -all""#, offset: 21),
    Case(
      why: "?all becomes ~all", check: SPFNeutralAllCheck(), record: #""v=spf1 a ?all""#,
      fix: #"acme.test. 300 IN TXT "v=spf1 a ~all""#, offset: 9),
    Case(
      why: "~all advice offers -all", check: SPFSoftfailAllCheck(), record: #""v=spf1 +a ~all""#,
      fix: #"acme.test. 300 IN TXT "v=spf1 a -all""#, offset: 10),
    Case(
      why: "a missing all is added as ~all, after the modifiers", check: SPFNoAllCheck(),
      record: #""v=spf1 include:spf.esp.test exp=why.acme.test""#, extra: [esp],
      fix: #"acme.test. 300 IN TXT "v=spf1 include:spf.esp.test exp=why.acme.test ~all""#, offset: 45),
    Case(
      why: "the later of two identical includes goes", check: SPFDuplicateIncludeCheck(),
      record: #""v=spf1 include:spf.esp.test a include:SPF.esp.test -all""#, extra: [esp],
      fix: #"acme.test. 300 IN TXT "v=spf1 include:spf.esp.test a -all""#, offset: 30),
    Case(
      why: "an include of an NXDOMAIN name is removed", check: SPFIncludeMissingRecordCheck(),
      record: #""v=spf1 include:gone.esp.test include:spf.esp.test -all""#, extra: [esp],
      fix: #"acme.test. 300 IN TXT "v=spf1 include:spf.esp.test -all""#, offset: 7),
    Case(
      why: "an ignored redirect is removed", check: SPFIgnoredRedirectCheck(),
      record: #""v=spf1 redirect=spf.esp.test a -all""#, extra: [esp],
      fix: #"acme.test. 300 IN TXT "v=spf1 a -all""#, offset: 7),
    Case(
      why: "every term after all goes, the modifiers stay", check: SPFAfterAllCheck(),
      record: #""v=spf1 a -all mx exp=why.acme.test ip4:192.0.2.1""#,
      fix: #"acme.test. 300 IN TXT "v=spf1 a -all exp=why.acme.test""#, offset: 14),
    Case(
      why: "host bits are cleared, the qualifier kept", check: SPFIPHostBitsCheck(),
      record: #""v=spf1 ~ip4:198.51.100.77/26 -all""#,
      fix: #"acme.test. 300 IN TXT "v=spf1 ~ip4:198.51.100.64/26 -all""#, offset: 7),
    Case(
      why: "the lost space goes back at the split", check: SPFStringBoundaryCheck(),
      record: #""v=spf1 a" "include:spf.esp.test" "-all""#, extra: [esp],
      fix: #"acme.test. 300 IN TXT "v=spf1 a include:spf.esp.test -all""#, offset: 7),
    Case(
      why: "two records with the same ending merge", check: SPFMultipleRecordsCheck(),
      record: #""v=spf1 a include:spf.esp.test -all""#, more: #"@ 300 TXT "v=spf1 mx a -all""#, extra: [esp],
      fix: #"acme.test. 300 IN TXT "v=spf1 a include:spf.esp.test mx -all""#),
    Case(
      why: "records ending differently do not merge", check: SPFMultipleRecordsCheck(),
      record: #""v=spf1 a -all""#, more: #"@ 300 TXT "v=spf1 mx ~all""#, fix: nil),
    Case(
      why: "records granting with different qualifiers do not merge", check: SPFMultipleRecordsCheck(),
      record: #""v=spf1 a -all""#, more: #"@ 300 TXT "v=spf1 ~mx -all""#, fix: nil),
    Case(
      why: "a record with a redirect does not merge", check: SPFMultipleRecordsCheck(),
      record: #""v=spf1 a -all""#, more: #"@ 300 TXT "v=spf1 redirect=spf.esp.test""#, extra: [esp], fix: nil),
    Case(
      why: "a syntax error points at the broken term", check: SPFSyntaxErrorCheck(),
      record: #""v=spf1 a ip4:192.0.2.0/33 -all""#, fix: nil, offset: 22),
    Case(
      why: "an include of a record with +all is not fixed: it is the provider's", check: SPFPassAllCheck(),
      record: #""v=spf1 a include:_spf.acme.test -all""#, more: #"_spf 300 TXT "v=spf1 +all""#, fix: nil, offset: 9),
  ]

  @Test(arguments: cases)
  func fixAndOffset(_ c: Case) async throws {
    let findings = try await audit(c.record + "\n" + c.more, c.extra, with: c.check)
    let first = try #require(findings.first, "no finding")
    #expect(first.fix == c.fix)
    if let offset = c.offset { #expect(first.offset == offset) }
    if let fix = first.fix {
      // The fix is a zone line that loads and holds a record that parses.
      let file = try ZoneFile(text: fix, path: "fix", origin: Fixtures.name("acme.test"))
      let record = try #require(file.entries.first?.record)
      guard case .txt(let data) = record.data else {
        Issue.record("not TXT: \(record)")
        return
      }
      #expect(throws: Never.self) { try SPFRecord.parse(bytes: data.joined) }
    }
  }

  @Test("a fix longer than one string is split by TXTStrings, never hand-quoted")
  func longFix() async throws {
    let networks = (1...30).map { "ip4:198.51.100.\($0)" }.joined(separator: " ")
    let text = "v=spf1 \(networks) +all"
    let strings = TXTStrings.split(text).map(TXTStrings.quoted).joined(separator: " ")
    let findings = try await audit(strings, [], with: SPFPassAllCheck())
    let fix = try #require(findings.first?.fix)
    let expected = "v=spf1 \(networks) -all"
    #expect(fix == "acme.test. 300 IN TXT " + TXTStrings.presentation(expected))
    #expect(expected.utf8.count > 255 && fix.contains("\" \""))
  }

  @Test("the 11th lookup is named with its place in the tree and marked at the root's include")
  func eleventh() async throws {
    let inner = (1...9).map { _ in "a:acme.test" }.joined(separator: " ")
    let record = """
      "v=spf1 a include:_spf.acme.test -all"
      @ 300 A 192.0.2.1
      _spf 300 TXT "v=spf1 include:_inner.acme.test"
      _inner 300 TXT "v=spf1 \(inner) -all"
      """
    let findings = try await audit(record, [], with: SPFLookupLimitCheck())
    let finding = try #require(findings.first)
    #expect(finding.subject == "acme.test TXT")
    #expect(finding.offset == 9)
    #expect(
      finding.message.contains(
        "needs 12 DNS lookups")
        && finding.message.contains(
          "the 11th is 'a:acme.test' in the record of _inner.acme.test (reached by include:_spf.acme.test → "
            + "include:_inner.acme.test)"),
      "\(finding.message)")
  }

  @Test("a type 99 record that repeats the TXT record is only informational")
  func type99Same() async throws {
    let findings = try await audit("\"v=spf1 -all\"\n@ 300 SPF \"v=spf1 -all\"", [], with: SPFType99Check())
    #expect(findings.map(\.severity) == [.info])
  }

  @Test(
    "other TXT records pushing the answer past 512 bytes are informational, past 1232 a warning",
    arguments: [(8, Severity.info), (20, Severity.warning)])
  func bigAnswer(tokens count: Int, severity: Severity) async throws {
    let tokens = (1...count).map { "@ 300 TXT \"verification-token-\($0)=\(String(repeating: "x", count: 50))\"" }
    let zone = #""v=spf1 -all""# + "\n" + tokens.joined(separator: "\n")
    let findings = try await audit(zone, [], with: SPFRecordTooLargeCheck())
    #expect(findings.map(\.severity) == [severity])
  }

  /// Audits `acme.test` whose apex TXT is `record` (zone text may follow on further lines).
  func audit(_ record: String, _ extra: [String], with check: any Check) async throws -> [Finding] {
    let zone = """
      $ORIGIN acme.test.
      @ 300 SOA ns hostmaster 1 3600 600 86400 300
      @ 300 TXT \(record)
      """
    return try await CheckExample(.fails, domain: "acme.test", note: "", zone: zone, extraZones: extra)
      .findings(of: check)
  }
}
