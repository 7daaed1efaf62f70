import MailZoneRecords
import Testing

/// DMARC records under RFC 7489 and RFC 9989: valid and invalid tables, defaults, round trips.
@Suite("DMARC records (RFC 7489, RFC 9989)")
struct DMARCRecordTests {
  struct Valid: Sendable, CustomTestStringConvertible {
    let text: String
    let specs: [DMARCSpec]
    let canonical: String
    let reason: String
    var testDescription: String { reason }
  }

  struct Invalid: Sendable, CustomTestStringConvertible {
    let text: String
    let specs: [DMARCSpec]
    let code: RecordParseError.Code
    let offset: Int
    let reason: String
    var testDescription: String { reason }
  }

  static let both: [DMARCSpec] = [.rfc7489, .rfc9989]

  static let valid: [Valid] = [
    Valid(
      text: "v=DMARC1; p=none", specs: both, canonical: "v=DMARC1; p=none",
      reason: "the smallest policy record (7489 §6.4)"),
    Valid(
      text: "v=DMARC1; p=none;", specs: both, canonical: "v=DMARC1; p=none",
      reason: "a final separator is allowed (7489 §6.4 [dmarc-sep])"),
    Valid(
      text: "v=DMARC1;p=ReJect", specs: both, canonical: "v=DMARC1; p=reject",
      reason: "abnf keywords are case-insensitive (rfc 5234 §2.3)"),
    Valid(
      text: "V = DMARC1 ;\tP = reject ; SP=none", specs: both, canonical: "v=DMARC1; p=reject; sp=none",
      reason: "tag names are case-insensitive, wsp around '=' and ';' (7489 §6.4)"),
    Valid(
      text: "v=DMARC1; rua=mailto:d@example.org", specs: both, canonical: "v=DMARC1; rua=mailto:d@example.org",
      reason: "no p but a valid rua acts as p=none (7489 §6.6.3, 9989 §4.7)"),
    Valid(
      text: "v=DMARC1; p=quarantine; rua=mailto:a@example.com,mailto:b@example.net!10m; pct=25; fo=d:s", specs: both,
      canonical: "v=DMARC1; p=quarantine; pct=25; fo=d:s; rua=mailto:a@example.com,mailto:b@example.net!10m",
      reason: "rfc 7489 appendix b example with a size limit"),
    Valid(
      text: "v=DMARC1; p=reject; ruf=mailto:f@example.com  ,\tmailto:g@example.com!0G; fo = 0 : 1", specs: both,
      canonical: "v=DMARC1; p=reject; fo=0:1; ruf=mailto:f@example.com,mailto:g@example.com!0g",
      reason: "wsp around ',' and ':' (7489 §6.4)"),
    Valid(
      text: "v=DMARC1; p=reject; rf=afrf:iodef; ri=3600", specs: both,
      canonical: "v=DMARC1; p=reject; rf=afrf:iodef; ri=3600", reason: "rf and ri (7489 §6.3)"),
    Valid(
      text: "v=DMARC1; p=reject; sp=quarantine; np=none; t=y; psd=n", specs: both,
      canonical: "v=DMARC1; p=reject; sp=quarantine; np=none; t=y; psd=n", reason: "np t psd (9989 §4.7)"),
    Valid(
      text: "v=DMARC1; p=reject; future=some value", specs: both, canonical: "v=DMARC1; p=reject; future=some value",
      reason: "unknown tags are kept and ignored (7489 §6.3)"),
    Valid(
      text: "v=DMARC1", specs: [.rfc9989], canonical: "v=DMARC1",
      reason: "9989: no tags at all; p defaults to none (9989 §4.7, §4.8)"),
    Valid(
      text: "v=DMARC1; sp=none; p=reject", specs: [.rfc9989], canonical: "v=DMARC1; p=reject; sp=none",
      reason: "9989: tags in any order after v (9989 §4.8)"),
    Valid(
      text: "v=DMARC1; p=reject; pct=150", specs: [.rfc9989], canonical: "v=DMARC1; p=reject; pct=150",
      reason: "9989: pct is no longer defined, so a bad value is ignored"),
    Valid(
      text: "v=DMARC1; p=reject; np=bogus", specs: [.rfc7489], canonical: "v=DMARC1; p=reject; np=bogus",
      reason: "7489: np is not defined, so a bad value is ignored"),
  ]

  static let invalid: [Invalid] = [
    Invalid(text: "", specs: both, code: .empty, offset: 0, reason: "empty text"),
    Invalid(text: "v=spf1 -all", specs: both, code: .notDMARC, offset: 0, reason: "an spf record is not dmarc"),
    Invalid(
      text: " v=DMARC1; p=none", specs: both, code: .notDMARC, offset: 0, reason: "no whitespace before v (7489 §6.4)"),
    Invalid(
      text: "v=dmarc1; p=none", specs: both, code: .badVersion, offset: 2,
      reason: "DMARC1 is case-sensitive (7489 §6.4 %x44...)"),
    Invalid(text: "v=DMARC12", specs: both, code: .badVersion, offset: 2, reason: "the version is exactly DMARC1"),
    Invalid(
      text: "v=DMARC1 p=none", specs: both, code: .expectedSeparator, offset: 9, reason: "tags are separated by ';'"),
    Invalid(text: "v=DMARC1;;", specs: both, code: .emptyTag, offset: 9, reason: "an empty tag"),
    Invalid(
      text: "v=DMARC1; p=none; bogus;", specs: both, code: .missingEquals, offset: 23, reason: "a tag without '='"),
    Invalid(
      text: "v=DMARC1; p=none; p=reject", specs: both, code: .duplicate, offset: 18,
      reason: "a duplicate tag (rfc 6376 §3.2)"),
    Invalid(
      text: "v=DMARC1; p=badvalue", specs: both, code: .invalidTagValue, offset: 12,
      reason: "p is none, quarantine or reject"),
    Invalid(
      text: "v=DMARC1; p=reject; sp=invalid", specs: both, code: .invalidTagValue, offset: 23,
      reason: "sp is none, quarantine or reject"),
    Invalid(
      text: "v=DMARC1; p=none; adkim=x", specs: both, code: .invalidTagValue, offset: 24, reason: "adkim is r or s"),
    Invalid(
      text: "v=DMARC1; p=none; fo=01", specs: both, code: .invalidTagValue, offset: 21,
      reason: "fo values are ':'-separated"),
    Invalid(text: "v=DMARC1; p=none; fo=", specs: both, code: .emptyValue, offset: 18, reason: "fo needs a value"),
    Invalid(text: "v=DMARC1; p=none; rua=", specs: both, code: .emptyValue, offset: 18, reason: "rua needs a uri"),
    Invalid(
      text: "v=DMARC1; p=none; rua=reports@example.com", specs: both, code: .invalidURI, offset: 22,
      reason: "a rua entry needs a scheme (rfc 3986 §3.1)"),
    Invalid(
      text: "v=DMARC1; p=none; rua=__mailto:r@example.com", specs: both, code: .invalidURI, offset: 22,
      reason: "a scheme starts with a letter"),
    Invalid(
      text: "v=DMARC1; p=none; rua=mailto:r@example.com!", specs: both, code: .invalidSizeLimit, offset: 42,
      reason: "'!' without a size (7489 §6.4)"),
    Invalid(
      text: "v=DMARC1; p=none; rua=mailto:r@example.com!10p", specs: both, code: .invalidSizeLimit, offset: 42,
      reason: "unknown size unit"),
    Invalid(
      text: "v=DMARC1; p=none; rua=mailto:r@example.com!99999999999999999999", specs: both, code: .invalidSizeLimit,
      offset: 43, reason: "the size must fit 64 bits (7489 §6.4)"),
    Invalid(
      text: "v=DMARC1; p=reject; np=invalid", specs: [.rfc9989], code: .invalidTagValue, offset: 23,
      reason: "9989: np is a request"),
    Invalid(
      text: "v=DMARC1; p=reject; psd=x", specs: [.rfc9989], code: .invalidTagValue, offset: 24,
      reason: "9989: psd is y, n or u"),
    Invalid(
      text: "v=DMARC1; p=reject; t=x", specs: [.rfc9989], code: .invalidTagValue, offset: 22,
      reason: "9989: t is y or n"),
    Invalid(
      text: "v=DMARC1", specs: [.rfc7489], code: .missingRequiredTag, offset: 8,
      reason: "7489: p is required without a rua (§6.3, §6.6.3)"),
    Invalid(
      text: "v=DMARC1; sp=reject; p=reject", specs: [.rfc7489], code: .tagOutOfOrder, offset: 21,
      reason: "7489: p must follow v (§6.4)"),
    Invalid(
      text: "v=DMARC1; p=none; pct=110", specs: [.rfc7489], code: .invalidTagValue, offset: 22,
      reason: "7489: pct is 0-100"),
    Invalid(
      text: "v=DMARC1; p=none; ri=99999999999", specs: [.rfc7489], code: .invalidTagValue, offset: 21,
      reason: "7489: ri is a 32-bit integer"),
    Invalid(
      text: "v=DMARC1; p=none; rf=bad-trailing-dash-", specs: [.rfc7489], code: .invalidTagValue, offset: 21,
      reason: "7489: rf entries are keywords"),
    Invalid(
      text: "v=DMARC1; p=none; rua=mailto:a@example.com\u{1}", specs: both, code: .invalidCharacter, offset: 42,
      reason: "control characters in a value"),
  ]

  static var validCases: [(Valid, DMARCSpec)] { valid.flatMap { example in example.specs.map { (example, $0) } } }
  static var invalidCases: [(Invalid, DMARCSpec)] { invalid.flatMap { example in example.specs.map { (example, $0) } } }

  @Test("valid records parse and render canonically", arguments: validCases)
  func parsesValid(_ example: Valid, spec: DMARCSpec) throws {
    let record = try DMARCRecord.parse(example.text, spec: spec)
    #expect(record.rendered == example.canonical)
    #expect(record.warnings.allSatisfy { isLowerCaseProse($0.message) })
  }

  @Test("round trip: parse(render(r)) == r", arguments: validCases)
  func roundTrips(_ example: Valid, spec: DMARCSpec) throws {
    let record = try DMARCRecord.parse(example.text, spec: spec)
    #expect(try DMARCRecord.parse(record.rendered, spec: spec) == record)
  }

  @Test("invalid records fail with the code and offset of the broken rule", arguments: invalidCases)
  func rejectsInvalid(_ example: Invalid, spec: DMARCSpec) throws {
    try expectRejection(code: example.code, offset: example.offset) { try DMARCRecord.parse(example.text, spec: spec) }
  }

  @Test("defaults: sp from p, np from sp, relaxed alignment, fo 0; pct/ri/rf only under 7489")
  func defaults() throws {
    let old = try DMARCRecord.parse("v=DMARC1; p=reject; sp=quarantine", spec: .rfc7489)
    #expect(old.policy == .reject)
    #expect(old.subdomainPolicy == .quarantine)
    #expect(old.nonexistentPolicy == .quarantine)
    #expect(old.dkimAlignment == .relaxed && old.spfAlignment == .relaxed)
    #expect(old.failureOptions == [.allFail])
    #expect(old.percent == 100 && old.reportInterval == 86400 && old.reportFormats == ["afrf"])
    let new = try DMARCRecord.parse("v=DMARC1; p=reject", spec: .rfc9989)
    #expect(new.percent == nil && new.reportInterval == nil && new.reportFormats == nil)
    #expect(new.testing == false && new.publicSuffix == .unknown)
    #expect(try DMARCRecord.parse("v=DMARC1; rua=mailto:a@example.com").policy == DMARCPolicy.none)
  }

  @Test("report uris keep their size limits in bytes (k m g t = 2^10 ... 2^40)")
  func sizes() throws {
    let record = try DMARCRecord.parse(
      "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com!10m,https://r.example/x!2T,mailto:c@example.com!512"
    )
    #expect(record.aggregateReportURIs.map(\.maxBytes) == [nil, 10 << 20, 2 << 40, 512])
    #expect(
      record.aggregateReportURIs.map(\.uri) == [
        "mailto:a@example.com", "mailto:b@example.com", "https://r.example/x", "mailto:c@example.com",
      ])
    #expect(record.warnings.map(\.code).contains(.obsoleteSyntax))
    #expect(record.warnings.map(\.code).contains(.unsupportedScheme))
  }

  @Test("warnings name what each spec ignores")
  func specWarnings() throws {
    let new = try DMARCRecord.parse("v=DMARC1; sp=none; p=reject; pct=50; x=1", spec: .rfc9989)
    #expect(new.warnings.map(\.code) == [.policyNotSecond, .otherSpecificationTag, .unknownTag])
    #expect(new.requestedPercent == 50)
    let old = try DMARCRecord.parse("v=DMARC1; p=reject; t=y; psd=q", spec: .rfc7489)
    #expect(old.warnings.map(\.code) == [.otherSpecificationTag, .ignoredInvalidValue])
    #expect(old.requestedTesting == true && old.requestedPublicSuffix == nil)
    #expect(old.otherTags.map(\.name) == ["psd"])
    #expect(try DMARCRecord.parse("v=DMARC1; p=none ").warnings.map(\.code) == [.trailingWhitespace])
  }

  @Test("the tags keep their names, values and offsets as written")
  func tags() throws {
    let record = try DMARCRecord.parse("v=DMARC1;  P = Reject ; rua=mailto:a@example.com")
    #expect(
      record.tags == [
        RecordTag(name: "P", value: "Reject", offset: 11),
        RecordTag(name: "rua", value: "mailto:a@example.com", offset: 24),
      ])
    #expect(DMARCRecord.isDMARC("v = DMARC1; p=none"))
    #expect(!DMARCRecord.isDMARC("v=spf1"))
  }
}
