import MailZoneRecords
import Testing

/// MTA-STS TXT records and policy files (RFC 8461 §3.1, §3.2).
@Suite("MTA-STS records and policies (RFC 8461)")
struct MTASTSTests {
  static let records: [RecordCase] = [
    RecordCase(text: "v=STSv1; id=20160831085700Z;", code: nil, offset: 0, reason: "the rfc 8461 §3.1 example"),
    RecordCase(
      text: "v=STSv1;id=abc123 ;  x.y_z-1=value", code: nil, offset: 0, reason: "wsp around ';' and an extension (§3.1)"
    ),
    RecordCase(
      text: "v=STSv1; id=" + String(repeating: "a", count: 32), code: nil, offset: 0, reason: "an id of 32 characters"),
    RecordCase(text: "v=STSv1", code: .missingRequiredTag, offset: 7, reason: "id is required (§3.1)"),
    RecordCase(text: "v=stsv1; id=1", code: .notMTASTS, offset: 0, reason: "the version is case-sensitive (%s)"),
    RecordCase(
      text: "v=STSv1; id=" + String(repeating: "a", count: 33), code: .invalidTagValue, offset: 12,
      reason: "an id is at most 32 characters"),
    RecordCase(text: "v=STSv1; id=a-b", code: .invalidTagValue, offset: 12, reason: "an id is letters and digits"),
    RecordCase(text: "v=STSv1; id=1; id=2", code: .duplicate, offset: 15, reason: "id twice"),
    RecordCase(text: "v=STSv1; id = 1", code: .invalidName, offset: 9, reason: "no spaces around '=' (§3.1)"),
    RecordCase(text: "v=STSv1; id=1;; x=y", code: .emptyTag, offset: 14, reason: "an empty field"),
    RecordCase(text: "v=STSv1 id=1", code: .expectedSeparator, offset: 8, reason: "fields are separated by ';'"),
  ]

  @Test("txt records", arguments: records)
  func txt(_ example: RecordCase) throws {
    try expectRoundTripOrRejection(example, parse: { try MTASTSRecord.parse($0) }, render: \.rendered)
  }

  static let example =
    "version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.example.net\r\nmx: backupmx.example.com\r\nmax_age: 604800\r\n"

  static let policies: [RecordCase] = [
    RecordCase(text: example, code: nil, offset: 0, reason: "the rfc 8461 §3.2 example, crlf"),
    RecordCase(
      text: "version: STSv1\nmode: testing\nmx: mx.example.org\nmax_age: 86400", code: nil, offset: 0,
      reason: "lf terminators, no final terminator (§3.2 abnf)"),
    RecordCase(
      text: "version: STSv1\nmode: none\nmax_age: 31557600\n", code: nil, offset: 0,
      reason: "mode none needs no mx; the largest max_age"),
    RecordCase(
      text: "max_age:   600\t\nmode:enforce\nmx: a.example\nversion: STSv1\nfoo: bar baz\n", code: nil, offset: 0,
      reason: "any order, ':' *WSP, extensions kept"),
    RecordCase(text: "", code: .empty, offset: 0, reason: "an empty policy"),
    RecordCase(
      text: "version: STSv1\nmode: enforce\nmax_age: 86400\n", code: .missingRequiredTag, offset: 44,
      reason: "mx required unless mode is none"),
    RecordCase(text: "version: STSv2\nmode: none\nmax_age: 1\n", code: .badVersion, offset: 9, reason: "only STSv1"),
    RecordCase(
      text: "version: STSv1\nmode: Enforce\nmax_age: 1\nmx: a.example\n", code: .invalidTagValue, offset: 21,
      reason: "the mode is case-sensitive (%s)"),
    RecordCase(
      text: "version: STSv1\nmode: none\nmax_age: 31557601\n", code: .invalidNumber, offset: 35,
      reason: "max_age at most 31557600 (§3.2)"),
    RecordCase(
      text: "version: STSv1\nmode: none\nmax_age: 12345678901\n", code: .invalidNumber, offset: 35,
      reason: "max_age is 1*10 digits"),
    RecordCase(
      text: "version: STSv1\nmode: enforce\nmax_age: 1\nmx: mail.*.example\n", code: .invalidDomain, offset: 49,
      reason: "a wildcard only as the leftmost label (§3.2)"),
    RecordCase(
      text: "version: STSv1\nmode: enforce\nmax_age: 1\nmx: mail.example.com.\n", code: .invalidDomain, offset: 61,
      reason: "no trailing dot in an mx pattern"),
    RecordCase(
      text: "version: STSv1\nmode: none\nmode: none\nmax_age: 1\n", code: .duplicate, offset: 26, reason: "mode twice"),
    RecordCase(
      text: "version : STSv1\nmode: none\nmax_age: 1\n", code: .invalidName, offset: 0,
      reason: "no space before ':' (§3.2)"),
    RecordCase(text: "version: STSv1\nmode none\n", code: .expectedSeparator, offset: 15, reason: "a line without ':'"),
  ]

  @Test("policy files", arguments: policies)
  func policy(_ example: RecordCase) throws {
    try expectRoundTripOrRejection(example, parse: { try MTASTSPolicy.parse($0) }, render: \.rendered)
  }

  @Test("the policy's fields, and mx matching with one-label wildcards (§4.1)")
  func fields() throws {
    let policy = try MTASTSPolicy.parse(Self.example)
    #expect(policy.mode == .enforce)
    #expect(policy.maxAge == 604_800)
    #expect(policy.mx == ["mail.example.com", "*.example.net", "backupmx.example.com"])
    #expect(policy.rendered == Self.example)
    #expect(policy.matches(mxHost: "MAIL.example.com"))
    #expect(policy.matches(mxHost: "a.example.net"))
    #expect(!policy.matches(mxHost: "a.b.example.net"))
    #expect(!policy.matches(mxHost: "example.net"))
    let short = try MTASTSPolicy.parse("version: STSv1\nmode: testing\nmx: a.example\nmax_age: 60\n\n")
    #expect(short.warnings.map(\.code) == [.testingMode, .shortLifetime, .trailingWhitespace])
  }
}
