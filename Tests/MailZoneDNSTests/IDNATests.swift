import MailZoneDNS
import Testing

@Suite("IDNA: Punycode (RFC 3492) and A-labels")
struct IDNATests {
  struct Sample: CustomTestStringConvertible, Sendable {
    let name: String
    let scalars: [UInt32]
    let encoded: String
    var testDescription: String { "RFC 3492 §7.1 \(name)" }
  }

  // Code points and encodings from RFC 3492 §7.1 (the mixed-case annotations aside).
  @Test(arguments: [
    Sample(
      name: "(A) Arabic (Egyptian)",
      scalars: [
        0x0644, 0x064A, 0x0647, 0x0645, 0x0627, 0x0628, 0x062A, 0x0643, 0x0644, 0x0645, 0x0648, 0x0634, 0x0639,
        0x0631, 0x0628, 0x064A, 0x061F,
      ], encoded: "egbpdaj6bu4bxfgehfvwxn"),
    Sample(
      name: "(B) Chinese (simplified)",
      scalars: [0x4ED6, 0x4EEC, 0x4E3A, 0x4EC0, 0x4E48, 0x4E0D, 0x8BF4, 0x4E2D, 0x6587],
      encoded: "ihqwcrb4cv8a8dqg056pqjye"),
    Sample(
      name: "(C) Chinese (traditional)",
      scalars: [0x4ED6, 0x5011, 0x7232, 0x4EC0, 0x9EBD, 0x4E0D, 0x8AAA, 0x4E2D, 0x6587],
      encoded: "ihqwctvzc91f659drss3x8bo0yb"),
    Sample(
      name: "(I) Russian (Cyrillic)",
      scalars: [
        0x043F, 0x043E, 0x0447, 0x0435, 0x043C, 0x0443, 0x0436, 0x0435, 0x043E, 0x043D, 0x0438, 0x043D, 0x0435,
        0x0433, 0x043E, 0x0432, 0x043E, 0x0440, 0x044F, 0x0442, 0x043F, 0x043E, 0x0440, 0x0443, 0x0441, 0x0441,
        0x043A, 0x0438,
      ], encoded: "b1abfaaepdrnnbgefbadotcwatmq2g4l"),
    Sample(
      name: "(L) 3<nen>B<gumi><kinpachi><sensei>",
      scalars: [0x0033, 0x5E74, 0x0042, 0x7D44, 0x91D1, 0x516B, 0x5148, 0x751F], encoded: "3B-ww4c5e180e575a65lsy2b"),
    Sample(
      name: "(S) -> $1.00 <-",
      scalars: Array("-> $1.00 <-".unicodeScalars.map(\.value)), encoded: "-> $1.00 <--"),
  ])
  func punycode(_ sample: Sample) {
    #expect(Punycode.encode(sample.scalars) == sample.encoded)
  }

  @Test(arguments: [
    ("bücher.example", "xn--bcher-kva.example"),
    ("münchen.de", "xn--mnchen-3ya.de"),
    ("例え.テスト", "xn--r8jz45g.xn--zckzah"),
    ("MÜNCHEN.DE", "xn--mnchen-3ya.de"),
    ("mu\u{0308}nchen.de", "xn--mnchen-3ya.de"),
    ("例え。テスト", "xn--r8jz45g.xn--zckzah"),
    ("Example.COM", "example.com"),
    ("xn--bcher-kva.example", "xn--bcher-kva.example"),
  ])
  func aLabels(_ input: String, _ expected: String) throws {
    #expect(try IDNA.toASCII(input) == expected)
  }

  @Test("code points IDNA2008 does not allow, hyphen rules and the 63-octet limit are errors, not crashes")
  func rejections() {
    #expect(throws: IDNAError.self) { try IDNA.toASCII("bü cher.example") }
    #expect(throws: IDNAError.self) { try IDNA.toASCII("☃.example") }
    #expect(throws: IDNAError.self) { try IDNA.toASCII("ü\u{0007}.example") }
    #expect(throws: IDNAError.self) { try IDNA.toASCII("\u{0308}a.example") }
    #expect(throws: IDNAError.self) { try IDNA.toASCII("-bücher.example") }
    let distinct = String(
      String.UnicodeScalarView(stride(from: 0x4E00, to: 0x4E00 + 40 * 97, by: 97).compactMap(Unicode.Scalar.init)))
    #expect(throws: IDNAError.self) { try IDNA.toASCII(distinct + ".example") }
    #expect(throws: IDNAError.self) { try IDNA.toASCII(String(repeating: "ü", count: 10_000)) }
    let error = #expect(throws: IDNAError.self) { try IDNA.toASCII("☃.example") }
    #expect(error?.description.contains("U+2603") == true, "the message names the code point")
  }
}
