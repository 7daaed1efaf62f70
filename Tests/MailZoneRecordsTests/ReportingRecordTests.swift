import MailZoneRecords
import Testing

/// TLS-RPT (RFC 8460 §3) and BIMI assertion records (draft-brand-indicators §4.2).
@Suite("TLS-RPT and BIMI records")
struct ReportingRecordTests {
  static let tlsrpt: [RecordCase] = [
    RecordCase(
      text: "v=TLSRPTv1; rua=mailto:reports@example.com", code: nil, offset: 0, reason: "the rfc 8460 §3 example"),
    RecordCase(
      text: "v=TLSRPTv1;rua=https://reporting.example.com/v1/tlsrpt , mailto:tls@example.com;", code: nil, offset: 0,
      reason: "https and mailto, wsp around ','"),
    RecordCase(text: "v=TLSRPTv1; rua=mailto:a@example.com; ext=1", code: nil, offset: 0, reason: "an extension field"),
    RecordCase(text: "v=TLSRPTv1", code: .missingRequiredTag, offset: 10, reason: "rua is required (§3)"),
    RecordCase(
      text: "v=tlsrptv1; rua=mailto:a@example.com", code: .notTLSRPT, offset: 0,
      reason: "the version is case-sensitive (%s)"),
    RecordCase(text: "v=TLSRPTv1; rua=", code: .emptyValue, offset: 16, reason: "rua needs a uri"),
    RecordCase(
      text: "v=TLSRPTv1; rua=reports@example.com", code: .invalidURI, offset: 16, reason: "a uri needs a scheme"),
    RecordCase(
      text: "v=TLSRPTv1; rua=mailto:a@example.com!10m", code: .invalidURI, offset: 16,
      reason: "'!' must be encoded (§3)"),
    RecordCase(
      text: "v=TLSRPTv1; rua=mailto:a@example.com; rua=mailto:b@example.com", code: .duplicate, offset: 38,
      reason: "rua twice"),
    RecordCase(
      text: "v=TLSRPTv1; RUA=mailto:a@example.com", code: .missingRequiredTag, offset: 36,
      reason: "field names are case-sensitive (%s\"rua=\")"),
  ]

  @Test("tls-rpt records", arguments: tlsrpt)
  func tlsrptRecords(_ example: RecordCase) throws {
    try expectRoundTripOrRejection(example, parse: { try TLSRPTRecord.parse($0) }, render: \.rendered)
  }

  static let bimi: [RecordCase] = [
    RecordCase(
      text: "v=BIMI1; l=https://images.example.com/logo.svg; a=https://images.example.com/vmc.pem", code: nil,
      offset: 0, reason: "indicator and evidence (§4.2)"),
    RecordCase(text: "v=BIMI1; l=; a=;", code: nil, offset: 0, reason: "declination to publish (§4.2.1)"),
    RecordCase(
      text: "v = BIMI1 ; L = https://example.com/a.svg", code: nil, offset: 0,
      reason: "wsp around '=' and case-insensitive tag names"),
    RecordCase(
      text: "v=BIMI1; l=https://example.com/a.svg; avp=personal; s=x", code: nil, offset: 0,
      reason: "avatar preference and an unknown tag"),
    RecordCase(text: "v=BIMI1;", code: .missingRequiredTag, offset: 8, reason: "l is required"),
    RecordCase(text: "v=BIMI2; l=", code: .notBIMI, offset: 0, reason: "only BIMI1"),
    RecordCase(
      text: "v=BIMI1; l=http://example.com/a.svg", code: .invalidURI, offset: 11,
      reason: "the indicator uri must be https"),
    RecordCase(
      text: "v=BIMI1; l=https://a.example/a.svg,https://b.example/b.svg", code: .invalidURI, offset: 11,
      reason: "one indicator uri"),
    RecordCase(text: "v=BIMI1; l=; l=", code: .duplicate, offset: 13, reason: "l twice"),
    RecordCase(text: "v=BIMI1; l=; avp=other", code: .invalidTagValue, offset: 17, reason: "avp is brand or personal"),
  ]

  @Test("bimi records", arguments: bimi)
  func bimiRecords(_ example: RecordCase) throws {
    try expectRoundTripOrRejection(example, parse: { try BIMIRecord.parse($0) }, render: \.rendered)
  }

  @Test("parsed values")
  func values() throws {
    let report = try TLSRPTRecord.parse("v=TLSRPTv1; rua=mailto:a@example.com,https://r.example/x,ftp://x.example/")
    #expect(report.reportURIs == ["mailto:a@example.com", "https://r.example/x", "ftp://x.example/"])
    #expect(report.warnings.map(\.code) == [.unsupportedScheme])
    let declined = try BIMIRecord.parse("v=BIMI1; l=; a=;")
    #expect(declined.isDeclination && declined.evidence == "")
    let brand = try BIMIRecord.parse("v=BIMI1; l=https://example.com/logo.svg")
    #expect(brand.location == "https://example.com/logo.svg" && brand.evidence == nil)
    #expect(brand.rendered == "v=BIMI1; l=https://example.com/logo.svg")
  }
}
