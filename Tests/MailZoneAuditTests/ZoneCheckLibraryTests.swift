import Foundation
import MailZoneAudit
import MailZoneDNS
import Testing

/// The pieces of `mailzone check` below the CLI: mail-name discovery, finding locations,
/// suppression comments, baseline fingerprints, and the runner's offline unknowns.
@Suite("Zone check library")
struct ZoneCheckLibraryTests {
  static let zone = """
    $ORIGIN lib.test.
    @ 300 SOA ns hostmaster 1 3600 600 86400 300
    @ 300 MX 10 mx.lib.test.
    mx 300 A 192.0.2.25
    @ 300 TXT "v=spf1 ptr include:_spf.lib.test -all" ; mailzone-disable spf.ptr
    _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
    ; mailzone-disable dmarc.policy-none,dmarc.no-aggregate-reports
    _dmarc.news 300 TXT "v=DMARC1; p=none"
    s1._domainkey.mail 300 TXT "v=DKIM1; p="
    _mta-sts.shop 300 TXT "v=STSv1; id=1"
    relay 300 MX 10 mx.lib.test.
    """

  static func source() throws -> ZoneSource {
    let source = ZoneSource(text: zone, path: "lib.zone")
    try #require(source.faults.isEmpty, "\(source.faults)")
    return source
  }

  @Test("discovery: apex, SPF owners but not _ names, _dmarc/_mta-sts/_domainkey domains, MX owners")
  func discovery() throws {
    let file = try #require(try Self.source().file)
    let names = MailNameDiscovery.names(in: [file], extra: [try DNSName("extra.lib.test")])
    #expect(
      names.map(\.domain.description) == [
        "lib.test", "news.lib.test", "mail.lib.test", "shop.lib.test", "relay.lib.test", "extra.lib.test",
      ])
    #expect(names.first { $0.domain.description == "mail.lib.test" }?.selectors == ["s1"])
  }

  @Test("locations: a TXT term's column, an absent record at the first record of its name or the SOA")
  func locations() throws {
    let source = try Self.source()
    let locator = FindingLocator(sources: [source])
    let apex = try DNSName("lib.test")
    let record = "v=spf1 ptr include:_spf.lib.test -all"
    let ptr = Finding(
      checkID: "spf.ptr", severity: .warning, subject: "lib.test TXT", message: "m", record: record, offset: 7)
    #expect(locator.locate(ptr, domain: apex) == SourceLocation(file: "lib.zone", line: 5, column: 19))
    let missing = Finding(
      checkID: "dmarc.missing-record", severity: .error, subject: "_dmarc.lib.test TXT", message: "m")
    #expect(locator.locate(missing, domain: apex) == SourceLocation(file: "lib.zone", line: 2, column: 1))
    let relay = Finding(checkID: "spf.missing", severity: .error, subject: "relay.lib.test TXT", message: "m")
    #expect(locator.locate(relay, domain: apex) == SourceLocation(file: "lib.zone", line: 11, column: 1))
    // A provider's broken record (outside the files) is placed at the include that reaches it.
    let provider = Finding(
      checkID: "spf.syntax-error", severity: .error, subject: "_spf.lib.test.example TXT", message: "m",
      record: "v=spf1 ip4:192.0.2.999 -all", offset: 7)
    let include = ZoneSource(
      text: Self.zone.replacingOccurrences(of: "include:_spf.lib.test", with: "include:_spf.lib.test.example"),
      path: "lib.zone")
    #expect(
      FindingLocator(sources: [include]).locate(provider, domain: apex)
        == SourceLocation(file: "lib.zone", line: 5, column: 23))
    let outside = Finding(checkID: "spf.missing", severity: .error, subject: "other.test TXT", message: "m")
    #expect(locator.locate(outside, domain: try DNSName("other.test")) == nil)
  }

  @Test("suppression: trailing comments cover their line, comment lines the next, -file the whole file")
  func suppression() throws {
    let suppressions = Suppressions(lines: try Self.source().lines + ["; mailzone-disable-file zone.ttl-zero"])
    #expect(suppressions.suppresses("spf.ptr", line: 5))
    #expect(!suppressions.suppresses("spf.ptr", line: 6))
    #expect(suppressions.suppresses("dmarc.policy-none", line: 8))
    #expect(suppressions.suppresses("dmarc.no-aggregate-reports", line: 8))
    #expect(!suppressions.suppresses("dmarc.policy-none", line: 7))
    #expect(suppressions.suppresses("zone.ttl-zero", line: 1) && suppressions.suppresses("zone.ttl-zero", line: nil))
    let quoted = Suppressions(lines: [#"@ TXT "a; mailzone-disable spf.ptr""#])
    #expect(!quoted.suppresses("spf.ptr", line: 1), "a ; inside quotes is not a comment")
  }

  @Test("fingerprints ignore lines; a baseline accepts each fingerprint as often as it was recorded")
  func baseline() {
    var finding = Finding(
      checkID: "spf.ptr", severity: .warning, subject: "lib.test TXT", message: "m", record: "v=spf1 ptr -all")
    finding.location = SourceLocation(file: "lib.zone", line: 5, column: 19)
    var moved = finding
    moved.location = SourceLocation(file: "lib.zone", line: 9, column: 3)
    #expect(Fingerprint(finding) == Fingerprint(moved))
    #expect(Fingerprint(finding).hash == Fingerprint.fnv1a("v=spf1 ptr -all"))
    #expect(Fingerprint.fnv1a("") == "cbf29ce484222325", "FNV-1a 64 offset basis")
    let baseline = Baseline(fingerprints: [Fingerprint(finding)])
    #expect(baseline.matches([finding, moved]) == [true, false])
  }

  @Test("offline: names outside the files are unknown, listed sorted, and the run stays complete")
  func offline() async throws {
    let runner = ZoneCheckRunner(
      sources: [try Self.source()], upstream: nil, options: AuditOptions(publicSuffixList: nil))
    let result = await runner.run()
    #expect(result.incompleteDomains.isEmpty)
    #expect(result.unknownLookups == result.unknownLookups.sorted())
    #expect(result.unknownLookups.contains("_dmarc.test TXT"))
    let suppressed = Set(result.findings.filter(\.suppressed).map(\.finding.checkID))
    #expect(suppressed == ["spf.ptr", "dmarc.policy-none", "dmarc.no-aggregate-reports"])
    #expect(result.findings.allSatisfy { $0.finding.location?.file == "lib.zone" })
  }
}
