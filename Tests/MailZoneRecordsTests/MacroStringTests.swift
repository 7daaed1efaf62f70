import MailZoneRecords
import Testing

/// Macro-strings parsed into the parts the SPF engine expands (RFC 7208 §7).
@Suite("SPF macro-strings (RFC 7208 §7)")
struct MacroStringTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let text: String
    let context: MacroString.Context
    let parts: [MacroString.Part]
    let reason: String
    var testDescription: String { reason }
  }

  static let cases: [Case] = [
    Case(
      text: "example.com", context: .domainSpec, parts: [.literal("example.com")],
      reason: "a plain domain is one literal"),
    Case(
      text: "%{s}", context: .domainSpec, parts: [.macro(.init(letter: .sender))], reason: "%{s}: the sender (§7.2)"),
    Case(
      text: "%{ir}.%{v}._spf.%{d2}", context: .domainSpec,
      parts: [
        .macro(.init(letter: .ip, reversed: true)), .literal("."), .macro(.init(letter: .ipVersion)),
        .literal("._spf."),
        .macro(.init(letter: .domain, rightmostParts: 2)),
      ],
      reason: "reversal and digit transformers (§7.3)"),
    Case(
      text: "%{l1r-+}", context: .domainSpec,
      parts: [.macro(.init(letter: .localPart, rightmostParts: 1, reversed: true, delimiters: ["-", "+"]))],
      reason: "delimiters after the transformers (§7.1)"),
    Case(
      text: "%{S}%{H}", context: .domainSpec,
      parts: [.macro(.init(letter: .sender, urlEscaped: true)), .macro(.init(letter: .helo, urlEscaped: true))],
      reason: "upper-case letters are url-escaped (§7.3)"),
    Case(
      text: "a%%b%_c%-d", context: .domainSpec,
      parts: [.literal("a"), .percent, .literal("b"), .space, .literal("c"), .urlSpace, .literal("d")],
      reason: "%% %_ %- escapes (§7.1)"),
    Case(
      text: "%{c} is not allowed to send for %{d} at %{t} (%{r})", context: .explanation,
      parts: [
        .macro(.init(letter: .readableIP)), .literal(" is not allowed to send for "), .macro(.init(letter: .domain)),
        .literal(" at "),
        .macro(.init(letter: .timestamp)), .literal(" ("), .macro(.init(letter: .receiver)), .literal(")"),
      ],
      reason: "explanation text allows spaces and c r t (§6.2, §7.1)"),
    Case(
      text: "%{d999999999999999999999}", context: .domainSpec,
      parts: [.macro(.init(letter: .domain, rightmostParts: 255))],
      reason: "a huge digit transformer is stored as 255, which selects the same labels"),
  ]

  @Test("parts", arguments: cases)
  func parts(_ example: Case) throws {
    let parsed = try MacroString.parse(example.text, context: example.context)
    #expect(parsed.parts == example.parts)
    #expect(try MacroString.parse(parsed.rendered, context: example.context) == parsed)
  }

  @Test("macro-free strings expose their literal value")
  func literalValue() throws {
    #expect(try MacroString.parse("a%%b%_c%-d", context: .domainSpec).literalValue == "a%b c%20d")
    #expect(try MacroString.parse("a%%b", context: .domainSpec).isMacroFree)
    let withMacro = try MacroString.parse("%{d}.example", context: .domainSpec)
    #expect(!withMacro.isMacroFree)
    #expect(withMacro.literalValue == nil)
    #expect(withMacro.macros == [.init(letter: .domain)])
  }

  @Test("spaces and c r t are rejected outside explanation text (§7.1)")
  func contexts() {
    #expect(throws: RecordParseError.self) { try MacroString.parse("a b", context: .domainSpec) }
    #expect(throws: RecordParseError.self) { try MacroString.parse("%{c}", context: .modifierValue) }
    #expect(throws: RecordParseError.self) { try MacroString.parse("%{t}", context: .domainSpec) }
  }

  @Test("adjacent literals merge, so construction and parsing agree")
  func merging() {
    #expect(MacroString(parts: [.literal("a"), .literal(""), .literal("b")]).parts == [.literal("ab")])
  }
}
