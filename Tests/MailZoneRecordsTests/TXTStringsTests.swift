import MailZoneRecords
import Testing

/// Splitting values into ≤255-byte character-strings and zone-file presentation (RFC 1035 §3.3, §5.1).
@Suite("TXT character-strings")
struct TXTStringsTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let value: [UInt8]
    let sizes: [Int]
    let reason: String
    var testDescription: String { reason }
  }

  static let cases: [Case] = [
    Case(value: [], sizes: [0], reason: "an empty value is one empty string"),
    Case(value: Array(repeating: 0x61, count: 255), sizes: [255], reason: "exactly 255 bytes fit one string"),
    Case(value: Array(repeating: 0x61, count: 256), sizes: [255, 1], reason: "256 bytes need two"),
    Case(value: Array(repeating: 0x61, count: 1000), sizes: [255, 255, 255, 235], reason: "long values split at 255"),
    Case(
      value: Array(repeating: 0x61, count: 254) + Array("é".utf8), sizes: [254, 2],
      reason: "a split never cuts a utf-8 scalar"),
    Case(
      value: Array(repeating: 0xFF, count: 300), sizes: [255, 45], reason: "bytes that are not utf-8 still split at 255"
    ),
  ]

  @Test("split sizes, and split then join is the identity (rfc 7208 §3.3)", arguments: cases)
  func split(_ example: Case) {
    let strings = TXTStrings.split(example.value)
    #expect(strings.map(\.count) == example.sizes)
    #expect(TXTStrings.join(strings) == example.value)
    #expect(strings.allSatisfy { $0.count <= TXTStrings.maximumStringLength })
  }

  @Test("presentation quotes, escapes and reads back to the same bytes", arguments: cases)
  func presentation(_ example: Case) throws {
    let text = TXTStrings.presentation(example.value)
    #expect(text.utf8.allSatisfy { (0x20...0x7E).contains($0) })
    #expect(try TXTStrings.parsePresentation(text) == TXTStrings.split(example.value))
  }

  @Test("escapes: quote, backslash and non-printable bytes as \\DDD")
  func escapes() throws {
    #expect(TXTStrings.presentation(Array("a\"b\\c\u{0}\t".utf8)) == #""a\"b\\c\000\009""#)
    #expect(TXTStrings.presentation("v=spf1 -all") == #""v=spf1 -all""#)
    #expect(
      try TXTStrings.parsePresentation(#""v=spf1 " "ip4:192.0.2.0/24 -all""#) == [
        Array("v=spf1 ".utf8), Array("ip4:192.0.2.0/24 -all".utf8),
      ])
    #expect(throws: RecordParseError.self) { try TXTStrings.parsePresentation(#""open"#) }
    #expect(throws: RecordParseError.self) { try TXTStrings.parsePresentation(#""\99""#) }
  }
}
