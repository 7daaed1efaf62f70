import MailZoneRecords
import Testing

/// DKIM key records (RFC 6376 §3.6.1, RFC 8463, RFC 8301): tags, key decoding, round trips.
@Suite("DKIM key records (RFC 6376 §3.6.1)")
struct DKIMKeyRecordTests {
  struct Valid: Sendable, CustomTestStringConvertible {
    let text: String
    let type: DKIMKeyType
    let format: DKIMKeyFormat?
    let bits: Int?
    let usable: Bool
    let reason: String
    var testDescription: String { reason }
  }

  struct Invalid: Sendable, CustomTestStringConvertible {
    let text: String
    let code: RecordParseError.Code
    let offset: Int
    let reason: String
    var testDescription: String { reason }
  }

  static let valid: [Valid] = [
    Valid(
      text: "v=DKIM1; k=rsa; p=" + TestKeys.rsa1024SPKI, type: .rsa, format: .spki, bits: 1024, usable: true,
      reason: "rsa subjectpublickeyinfo (§3.6.1)"),
    Valid(
      text: "v=DKIM1; p=" + TestKeys.rsa2048PKCS1, type: .rsa, format: .pkcs1, bits: 2048, usable: true,
      reason: "bare pkcs#1 rsapublickey (erratum 3017), k defaults to rsa"),
    Valid(
      text: "p=" + TestKeys.rsa2048SPKI, type: .rsa, format: .spki, bits: 2048, usable: true,
      reason: "v= is optional (§3.6.1)"),
    Valid(
      text: "v=DKIM1; k=rsa; p=" + TestKeys.rsa512PKCS1, type: .rsa, format: .pkcs1, bits: 512, usable: false,
      reason: "a 512-bit key parses but is unusable (rfc 8301 §3.2)"),
    Valid(
      text: "k=rsa; s=email; p=" + TestKeys.rsa512SPKI, type: .rsa, format: .spki, bits: 512, usable: false,
      reason: "512-bit spki (rfc 8301 §3.2)"),
    Valid(
      text: "v=DKIM1; k=ed25519; p=" + TestKeys.ed25519Raw, type: .ed25519, format: .raw, bits: 256, usable: true,
      reason: "raw 32-byte ed25519 (rfc 8463 §4.2)"),
    Valid(
      text: "v=DKIM1; p=", type: .rsa, format: nil, bits: nil, usable: false,
      reason: "an empty p= is a revoked key (§3.6.1)"),
    Valid(
      text: "V=DKIM2; p=;", type: .rsa, format: nil, bits: nil, usable: false,
      reason: "tag names are case-sensitive: V= is unknown (§3.2)"),
    Valid(
      text: "v=DKIM1; s=tlsrpt; p=" + TestKeys.rsa1024SPKI, type: .rsa, format: .spki, bits: 1024, usable: false,
      reason: "s=tlsrpt keys do not sign mail (rfc 8460 §3)"),
    Valid(
      text: "v = DKIM1 ;   h\t=\tsha1 \t:\t SHA256:unknown\t;k=ed25519; n = notes...; p = "
        + spaced(TestKeys.ed25519Raw) + "  ;s = email : tlsrpt; t = y\t: s; unknown = bogus;",
      type: .ed25519, format: .raw, bits: 256, usable: true,
      reason: "fws around '=' ':' ';' and inside p= (§3.2, §3.6.1)"),
    Valid(
      text: "v=DKIM1; g=*; k=rsa; p=" + TestKeys.rsa1024PKCS1, type: .rsa, format: .pkcs1, bits: 1024, usable: true,
      reason: "g= is an obsolete rfc 4871 tag, ignored"),
  ]

  static func spaced(_ base64: String) -> String {
    base64.enumerated().map { $0.offset % 7 == 6 ? "\($0.element) " : String($0.element) }.joined()
  }

  static let invalid: [Invalid] = [
    Invalid(text: "", code: .empty, offset: 0, reason: "empty text"),
    Invalid(text: "v=DKIM1", code: .missingRequiredTag, offset: 7, reason: "p= is required (§3.6.1)"),
    Invalid(text: "p=; v=DKIM1", code: .tagOutOfOrder, offset: 4, reason: "v= must be first (§3.6.1)"),
    Invalid(
      text: "v=DKIM1; p=; ", code: .trailingData, offset: 12, reason: "nothing may follow the final ';' (§3.2 tag-list)"
    ),
    Invalid(
      text: "v=dkim1; p=", code: .badVersion, offset: 2, reason: "DKIM1 is case-sensitive (§3.6.1 %x44.4B.49.4D.31)"),
    Invalid(
      text: "v=DKIM1: g=*; p=", code: .badVersion, offset: 2, reason: "a ':' is not a ';': the version is 'DKIM1: g=*'"),
    Invalid(text: "v=DKIM1; p=; p=", code: .duplicate, offset: 13, reason: "duplicate tags invalidate the list (§3.2)"),
    Invalid(text: "v=DKIM1;; p=", code: .emptyTag, offset: 8, reason: "an empty tag-spec (§3.2)"),
    Invalid(text: "v=DKIM1; bogus", code: .missingEquals, offset: 14, reason: "a tag without '=' (§3.2)"),
    Invalid(text: "bogus", code: .missingEquals, offset: 5, reason: "not a tag list"),
    Invalid(
      text: "v=DKIM1; k=unknown; p=", code: .unknownKeyType, offset: 11,
      reason: "k is rsa or ed25519 (§3.6.1, rfc 8463)"),
    Invalid(
      text: "v=DKIM1; k=ed25519-sha256; p=" + TestKeys.ed25519Raw, code: .unknownKeyType, offset: 11,
      reason: "ed25519-sha256 is an algorithm, not a key type"),
    Invalid(
      text: "v=DKIM1; k=ed25519; p=HbawiMnQXTCopHTkR0jlKQ==", code: .invalidPublicKey, offset: 22,
      reason: "an ed25519 key is 32 bytes (rfc 8463 §4.2)"),
    Invalid(
      text: "v=DKIM1; k=ed25519; p=" + TestKeys.ed25519SPKI, code: .invalidPublicKey, offset: 22,
      reason: "ed25519 keys are raw, not spki (rfc 8463 §4.2)"),
    Invalid(
      text: "v=DKIM1; p=" + TestKeys.ed25519Raw, code: .invalidPublicKey, offset: 11,
      reason: "32 raw bytes are not an rsa key"),
    Invalid(
      text: "v=DKIM1; p=" + TestKeys.ed25519SPKI, code: .invalidPublicKey, offset: 11,
      reason: "an ed25519 spki with k=rsa"),
    Invalid(
      text: "v=DKIM1; p=" + String(TestKeys.rsa1024SPKI.dropLast(4)), code: .invalidPublicKey, offset: 11,
      reason: "truncated der"),
    Invalid(
      text: "v=DKIM1; p=" + String(TestKeys.rsa1024SPKI.dropLast(1)), code: .invalidBase64, offset: 11,
      reason: "base64 of the wrong length"),
    Invalid(text: "v=DKIM1; p=abc$", code: .invalidBase64, offset: 14, reason: "a character outside base64"),
    Invalid(
      text: "v=DKIM1; h=sha 256; p=", code: .invalidTagValue, offset: 11,
      reason: "a hash algorithm is one word (§3.6.1)"),
    Invalid(
      text: "v=DKIM1; p=\u{7}", code: .invalidCharacter, offset: 11,
      reason: "control characters are not valchars (§3.2)"),
  ]

  @Test("valid records decode their key", arguments: valid)
  func parsesValid(_ example: Valid) throws {
    let record = try DKIMKeyRecord.parse(example.text)
    #expect(record.keyType == example.type)
    #expect(record.publicKey?.format == example.format)
    #expect(record.keyBits == example.bits)
    #expect(record.isUsableForEmail == example.usable)
    #expect(record.isRevoked == (example.format == nil))
    #expect(record.warnings.allSatisfy { isLowerCaseProse($0.message) })
  }

  @Test("round trip: parse(render(r)) == r", arguments: valid)
  func roundTrips(_ example: Valid) throws {
    let record = try DKIMKeyRecord.parse(example.text)
    let again = try DKIMKeyRecord.parse(record.rendered)
    #expect(again == record)
    #expect(again.publicKey == record.publicKey)
  }

  @Test("invalid records fail with the code and offset of the broken rule", arguments: invalid)
  func rejectsInvalid(_ example: Invalid) throws {
    try expectRejection(code: example.code, offset: example.offset) { try DKIMKeyRecord.parse(example.text) }
  }

  @Test("lists and flags: h, s, t lower-cased; unknown values kept with a warning")
  func lists() throws {
    let record = try DKIMKeyRecord.parse(
      "v=DKIM1; h=SHA256:sha1:future; s=email:*; t=y:s:x; n=hi there; p=" + TestKeys.rsa2048SPKI)
    #expect(record.hashAlgorithms == ["sha256", "sha1", "future"])
    #expect(record.services == ["email", "*"])
    #expect(record.isTesting && record.forbidsSubdomains)
    #expect(record.notes == "hi there")
    #expect(record.warnings.map(\.code) == [.unregisteredValue, .unregisteredValue, .testingMode])
    #expect(record.rendered.hasPrefix("v=DKIM1; h=sha256:sha1:future; n=hi there; p=MIIB"))
  }

  @Test("weak keys and revocations are flagged")
  func weak() throws {
    #expect(try DKIMKeyRecord.parse("p=" + TestKeys.rsa1024SPKI).warnings.map(\.code) == [.weakKey])
    #expect(try DKIMKeyRecord.parse("p=" + TestKeys.rsa512SPKI).warnings.map(\.code) == [.weakKey])
    #expect(try DKIMKeyRecord.parse("p=").warnings.map(\.code) == [.unusableKey])
    #expect(try DKIMKeyRecord.parse("h=sha1; p=" + TestKeys.rsa2048SPKI).warnings.map(\.code) == [.weakKey])
  }
}
