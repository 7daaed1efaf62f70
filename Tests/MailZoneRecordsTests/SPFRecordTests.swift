import MailZoneNet
import MailZoneRecords
import Testing

/// SPF records against the RFC 7208 §12 grammar: valid and invalid tables, round trips.
@Suite("SPF records (RFC 7208)")
struct SPFRecordTests {
  struct Valid: Sendable, CustomTestStringConvertible {
    let text: String
    let canonical: String
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
    Valid(text: "v=spf1", canonical: "v=spf1", reason: "a bare version is a record with no terms (§4.5)"),
    Valid(text: "v=spf1 -all", canonical: "v=spf1 -all", reason: "fail everything (§5.1)"),
    Valid(
      text: "V=SpF1 ~all", canonical: "v=spf1 ~all",
      reason: "the version is case-insensitive (§4.5, openspf case-insensitive)"),
    Valid(
      text: "v=spf1 a -all ", canonical: "v=spf1 a -all",
      reason: "record = version terms *SP allows trailing spaces (§12)"),
    Valid(text: "v=spf1   mx    -all", canonical: "v=spf1 mx -all", reason: "terms are separated by 1*SP (§12)"),
    Valid(
      text: "v=spf1 +a ?mx ~ptr -all", canonical: "v=spf1 a ?mx ~ptr -all",
      reason: "every qualifier; + is the default (§4.6.2)"),
    Valid(
      text: "v=spf1 INCLUDE:_spf.Example.com -ALL", canonical: "v=spf1 include:_spf.Example.com -all",
      reason: "mechanism names are case-insensitive (§12 ABNF strings)"),
    Valid(
      text: "v=spf1 a/24 mx//64 a:mail.example.com/24//64 -all",
      canonical: "v=spf1 a/24 mx//64 a:mail.example.com/24//64 -all", reason: "dual cidr lengths on a and mx (§5.6)"),
    Valid(
      text: "v=spf1 a/0 a//0 a/32 a//128", canonical: "v=spf1 a/0 a//0 a/32 a//128",
      reason: "cidr bounds 0-32 and 0-128 (§5.6)"),
    Valid(
      text: "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:DB8::/32 ip6:::ffff:192.0.2.1",
      canonical: "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ip6:2001:db8::/32 ip6:::ffff:c000:201",
      reason: "ip4 and ip6 networks, ipv6 written canonically (rfc 5952)"),
    Valid(
      text: "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all", canonical: "v=spf1 exists:%{ir}.%{l1r+-}._spf.%{d} -all",
      reason: "macros with reversal, digits and delimiters (§7.1)"),
    Valid(
      text: "v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all",
      canonical: "v=spf1 a:macro%%percent%_%_space%-url-space.example.com -all",
      reason: "macro escapes %% %_ %- (§7.1, openspf macro-mania-in-domain)"),
    Valid(
      text: "v=spf1 a:foo:bar/baz.example.com", canonical: "v=spf1 a:foo:bar/baz.example.com",
      reason: "a domain-spec may contain ':' and '/' (§7.1, openspf a-colon-domain)"),
    Valid(
      text: "v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all",
      canonical: "v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all",
      reason: "unknown modifiers are kept (§6, openspf modifier-charset-good)"),
    Valid(
      text: "v=spf1 include:a.example redirect=_spf.example.com",
      canonical: "v=spf1 include:a.example redirect=_spf.example.com", reason: "redirect modifier (§6.1)"),
    Valid(
      text: "v=spf1 -all exp=explain.%{d}", canonical: "v=spf1 -all exp=explain.%{d}",
      reason: "exp modifier with a macro (§6.2)"),
    Valid(
      text: "v=spf1 -all exp=msg8.%{D2}", canonical: "v=spf1 -all exp=msg8.%{D2}",
      reason: "upper-case macro letters url-escape (§7.3, openspf upper-macro)"),
    Valid(
      text: "v=spf1 a:example.com. -all", canonical: "v=spf1 a:example.com. -all",
      reason: "domain-end may end in a dot (§7.1)"),
    Valid(
      text: "v=spf1 ptr ptr:example.org", canonical: "v=spf1 ptr ptr:example.org",
      reason: "ptr with and without a domain (§5.5)"),
    Valid(
      text: "v=spf1 foo=", canonical: "v=spf1 foo=", reason: "an unknown modifier may have an empty macro-string (§12)"),
    Valid(
      text: "v=spf1 a:e14.example.co-m", canonical: "v=spf1 a:e14.example.co-m",
      reason: "a toplabel may hold inner dashes (§7.1)"),
    Valid(
      text: "v=spf1 a:x.123-45", canonical: "v=spf1 a:x.123-45",
      reason: "a numeric toplabel is allowed when it has a dash (§7.1 toplabel)"),
  ]

  static let invalid: [Invalid] = [
    Invalid(text: "", code: .empty, offset: 0, reason: "empty text"),
    Invalid(text: "v=spf10 -all", code: .notSPF, offset: 0, reason: "v=spf10 is not an spf record (§4.5)"),
    Invalid(text: "spf2.0/pra -all", code: .notSPF, offset: 0, reason: "sender id records are not spf (§4.5)"),
    Invalid(
      text: "v=spf1\t-all", code: .notSPF, offset: 0, reason: "the version ends at a space or the end only (§4.5)"),
    Invalid(text: " v=spf1 -all", code: .notSPF, offset: 0, reason: "a record starts with the version (§4.5)"),
    Invalid(
      text: "v=spf1 a:ctrl.example.com\rptr -all", code: .invalidCharacter, offset: 25,
      reason: "control characters do not separate terms (§4.6.1, openspf control-char-policy)"),
    Invalid(
      text: "v=spf1 a:example.net \u{96}all", code: .invalidCharacter, offset: 21,
      reason: "spf records are us-ascii (§3, openspf non-ascii-policy)"),
    Invalid(
      text: "v=spf1 a:foo.example.com\u{0}", code: .invalidCharacter, offset: 24,
      reason: "null bytes are not macro-literals (§7.1, openspf a-null)"),
    Invalid(text: "v=spf1 foo -all", code: .unknownMechanism, offset: 7, reason: "unknown mechanism (§5)"),
    Invalid(
      text: "v=spf1 ip4:1.2.3.4 redirect:t2.example.com", code: .unknownMechanism, offset: 19,
      reason: "redirect is a modifier (§6, openspf redirect-is-modifier)"),
    Invalid(
      text: "v=spf1 moo.cow/far_out=man:dog/cat", code: .unknownMechanism, offset: 7,
      reason: "'=' must follow the name directly (§4.6.1, openspf modifier-charset-bad1)"),
    Invalid(
      text: "v=spf1 1up=foo", code: .invalidName, offset: 7,
      reason: "modifier names start with a letter (§12, openspf invalid-modifier)"),
    Invalid(
      text: "v=spf1 =all", code: .invalidName, offset: 7,
      reason: "a modifier needs a name (§12, openspf empty-modifier-name)"),
    Invalid(
      text: "v=spf1 all:foo", code: .unexpectedArgument, offset: 10,
      reason: "all takes no argument (§5.1, openspf all-arg)"),
    Invalid(
      text: "v=spf1 all/8", code: .unexpectedArgument, offset: 10, reason: "all takes no cidr (§5.1, openspf all-cidr)"),
    Invalid(
      text: "v=spf1 ptr/0 -all", code: .unexpectedArgument, offset: 10,
      reason: "ptr takes no cidr (§5.5, openspf ptr-cidr)"),
    Invalid(
      text: "v=spf1 ptr:", code: .emptyValue, offset: 11,
      reason: "domain-spec cannot be empty (§5.5, openspf ptr-empty-domain)"),
    Invalid(
      text: "v=spf1 a:", code: .emptyValue, offset: 9,
      reason: "domain-spec cannot be empty (§5.3, openspf a-empty-domain)"),
    Invalid(text: "v=spf1 include", code: .emptyValue, offset: 14, reason: "include needs a domain-spec (§5.2)"),
    Invalid(
      text: "v=spf1 include:ip5.example.com/24", code: .invalidDomainSpec, offset: 15,
      reason: "include takes no cidr; the toplabel 'com/24' is invalid (§5.2, openspf include-cidr)"),
    Invalid(
      text: "v=spf1 exists", code: .emptyValue, offset: 13,
      reason: "exists needs a domain-spec (§5.7, openspf exists-implicit)"),
    Invalid(
      text: "v=spf1 exists:foo.com/24", code: .invalidDomainSpec, offset: 14,
      reason: "exists takes no cidr (§5.7, openspf exists-cidr)"),
    Invalid(
      text: "v=spf1 a:example.com:8080", code: .invalidDomainSpec, offset: 9,
      reason: "':' may not appear in the toplabel (§7.1, openspf a-bad-domain)"),
    Invalid(
      text: "v=spf1 a:111.222.33.44", code: .invalidDomainSpec, offset: 9,
      reason: "the toplabel may not be all numeric (§7.1, openspf a-numeric)"),
    Invalid(
      text: "v=spf1 a:e14.example.-com", code: .invalidDomainSpec, offset: 9,
      reason: "the toplabel may not begin with a dash (§7.1, openspf a-bad-toplabel)"),
    Invalid(
      text: "v=spf1 a:museum.", code: .invalidDomainSpec, offset: 9,
      reason: "a domain-spec may not be only a toplabel (§7.1, openspf a-only-toplabel-trailing-dot)"),
    Invalid(
      text: "v=spf1 a/33", code: .invalidCIDRLength, offset: 8, reason: "ipv4 cidr above 32 (§5.6, openspf a-bad-cidr4)"
    ),
    Invalid(
      text: "v=spf1 a//129", code: .invalidCIDRLength, offset: 8,
      reason: "ipv6 cidr above 128 (§5.6, openspf a-bad-cidr6)"),
    Invalid(
      text: "v=spf1 ip4:1.2.3.4/032", code: .invalidCIDRLength, offset: 18,
      reason: "cidr lengths have no leading zeros (§5.6, openspf cidr4-032)"),
    Invalid(
      text: "v=spf1 ip4:1.2.3.4/33", code: .invalidCIDRLength, offset: 18,
      reason: "ip4 cidr above 32 (§5.6, openspf cidr4-33)"),
    Invalid(text: "v=spf1 ip4", code: .emptyValue, offset: 10, reason: "ip4 needs an address (§5.6, openspf bare-ip4)"),
    Invalid(
      text: "v=spf1 ip4:1.2.3.4:8080", code: .invalidIPAddress, offset: 11,
      reason: "no port after an address (§5.6, openspf bad-ip4-port)"),
    Invalid(
      text: "v=spf1 ip4:1.2.3", code: .invalidIPAddress, offset: 11,
      reason: "no omitted octets (§5.6, openspf bad-ip4-short)"),
    Invalid(
      text: "v=spf1 ip4:192.0.2.01", code: .invalidIPAddress, offset: 11, reason: "qnum has no leading zeros (§12)"),
    Invalid(
      text: "v=spf1 ip4:1.2.3.4//32", code: .invalidCIDRLength, offset: 18,
      reason: "ip4 takes no dual cidr (§5.6, openspf ip4-dual-cidr)"),
    Invalid(
      text: "v=spf1 ip6::CAFE::BABE", code: .invalidIPAddress, offset: 11,
      reason: "one '::' only, no single leading colon (rfc 4291 §2.2, openspf ip6-bad1)"),
    Invalid(
      text: "v=spf1 ip6:::1.1.1.1//33", code: .invalidCIDRLength, offset: 20,
      reason: "ip6 takes one cidr (§5.6, openspf cidr6-bad)"),
    Invalid(
      text: "v=spf1 ip6:::1/129", code: .invalidCIDRLength, offset: 14,
      reason: "ip6 cidr above 128 (§5.6, openspf cidr6-129)"),
    Invalid(
      text: "v=spf1 redirect=-all ?all", code: .invalidDomainSpec, offset: 16,
      reason: "redirect needs a domain-spec (§6.1, openspf redirect-syntax-error)"),
    Invalid(
      text: "v=spf1 redirect=", code: .emptyValue, offset: 16, reason: "redirect domain-spec cannot be empty (§6.1)"),
    Invalid(
      text: "v=spf1 exp= -all", code: .emptyValue, offset: 11,
      reason: "exp domain-spec cannot be empty (§6.2, openspf exp-empty-domain)"),
    Invalid(
      text: "v=spf1 redirect=a.example redirect=b.example", code: .duplicate, offset: 26,
      reason: "redirect twice (§6, openspf redirect-twice)"),
    Invalid(
      text: "v=spf1 exp=a.example -all exp=b.example", code: .duplicate, offset: 26,
      reason: "exp twice (§6, openspf exp-twice)"),
    Invalid(
      text: "v=spf1 -all foo=%abc", code: .invalidMacro, offset: 16,
      reason: "unknown modifiers need a valid macro-string (§12, openspf unknown-modifier-syntax)"),
    Invalid(
      text: "v=spf1 -all exp=%{r}.example.com", code: .macroLetterNotAllowed, offset: 18,
      reason: "c r t are explanation-only (§7.1, openspf exp-only-macro-char)"),
    Invalid(
      text: "v=spf1 exists:foo%.sbl.example.com", code: .invalidMacro, offset: 17,
      reason: "'%' must start a macro (§7.1, openspf invalid-embedded-macro-char)"),
    Invalid(
      text: "v=spf1 exists:%{i}.bad%", code: .invalidMacro, offset: 22,
      reason: "a trailing '%' (§7.1, openspf invalid-trailing-macro-char)"),
    Invalid(
      text: "v=spf1 a:%{x}.example.com", code: .invalidMacro, offset: 11,
      reason: "unknown macro letter (§7.2, openspf undef-macro)"),
    Invalid(
      text: "v=spf1 a:%{d0}.example.com", code: .invalidMacro, offset: 12,
      reason: "the digit transformer must be nonzero (§7.3)"),
    Invalid(text: "v=spf1 a:%{d", code: .invalidMacro, offset: 9, reason: "an unterminated macro (§7.1)"),
    Invalid(
      text: "v=spf1 a:%{d*}.example.com", code: .invalidMacro, offset: 12, reason: "'*' is not a delimiter (§7.1)"),
  ]

  @Test("valid records parse and render canonically", arguments: valid)
  func parsesValid(_ example: Valid) throws {
    let record = try SPFRecord.parse(example.text)
    #expect(record.rendered == example.canonical)
    #expect(record.text == example.text)
  }

  @Test("round trip: parse(render(r)) == r", arguments: valid)
  func roundTrips(_ example: Valid) throws {
    let record = try SPFRecord.parse(example.text)
    let again = try SPFRecord.parse(record.rendered)
    #expect(again == record)
    #expect(again.rendered == record.rendered)
  }

  @Test("invalid records fail with the code and offset of the broken rule", arguments: invalid)
  func rejectsInvalid(_ example: Invalid) throws {
    try expectRejection(code: example.code, offset: example.offset) { try SPFRecord.parse(example.text) }
  }

  @Test("'not spf' is told apart from broken spf (§4.5)")
  func recognisesSPF() {
    #expect(SPFRecord.isSPF("v=spf1"))
    #expect(SPFRecord.isSPF("v=spf1 bogus:"))
    #expect(SPFRecord.isSPF("V=SPF1 -all"))
    #expect(!SPFRecord.isSPF("v=spf10"))
    #expect(!SPFRecord.isSPF("spf2.0/mfrom,pra -all"))
    #expect(!SPFRecord.isSPF("google-site-verification=abc"))
    #expect(SPFRecord.isSPF(bytes: Array("v=spf1 -all".utf8)))
  }

  @Test("terms keep their order, qualifiers and utf-8 offsets")
  func termsAndOffsets() throws {
    let record = try SPFRecord.parse(
      "v=spf1  ~include:_spf.example.com a:mail.example.com/28//64 -all redirect=x.example")
    #expect(record.terms.map(\.offset) == [8, 34, 60, 65])
    #expect(
      record.terms[0].kind
        == .directive(.softfail, .include(try MacroString.parse("_spf.example.com", context: .domainSpec))))
    #expect(
      record.terms[1].mechanism
        == .a(try MacroString.parse("mail.example.com", context: .domainSpec), SPFDualCIDR(ipv4: 28, ipv6: 64)))
    #expect(record.terms[2].qualifier == .fail)
    #expect(record.redirect?.literalValue == "x.example")
    #expect(record.lookupTermCount == 3)
    #expect(record.warnings.map(\.code) == [.ignoredRedirect])
  }

  @Test("ip networks parse to addresses and prefixes")
  func networks() throws {
    let record = try SPFRecord.parse("v=spf1 ip4:192.0.2.128/25 ip6:2001:db8:0:0:0:0:0:1")
    #expect(record.terms[0].mechanism == .ip4(try #require(IPv4Address("192.0.2.128")), prefix: 25))
    #expect(record.terms[1].mechanism == .ip6(try #require(IPv6Address("2001:db8::1")), prefix: nil))
  }

  @Test("lookup terms count include a mx ptr exists redirect, not exp (§4.6.4)")
  func lookupCount() throws {
    let record = try SPFRecord.parse(
      "v=spf1 include:a.example a mx ptr exists:%{i}.x.example ip4:192.0.2.1 all exp=e.example redirect=r.example")
    #expect(record.lookupTermCount == 6)
  }

  @Test("warnings: ptr, unreachable terms, >10 lookups, host bits, unknown modifiers, bad names")
  func warnings() throws {
    let many = "v=spf1 " + (1...11).map { "include:i\($0).example" }.joined(separator: " ") + " -all"
    #expect(try SPFRecord.parse(many).warnings.map(\.code) == [.tooManyLookups])
    let record = try SPFRecord.parse("v=spf1 ptr ip4:192.0.2.1/24 ip6:2001:db8::1/64 -all a:foo..example.com x=y")
    #expect(
      record.warnings.map(\.code) == [
        .deprecatedMechanism, .hostBitsSet, .hostBitsSet, .unreachableTerm, .unresolvableDomain, .unknownTag,
      ])
    #expect(record.warnings.allSatisfy { isLowerCaseProse($0.message) })
  }

  @Test("a 255-byte-split TXT value parses as the joined record (§3.3)")
  func joinedStrings() throws {
    let value = "v=spf1 " + (1...40).map { "ip4:192.0.2.\($0)" }.joined(separator: " ") + " -all"
    let strings = TXTStrings.split(value)
    #expect(strings.count > 1)
    let joined = TXTStrings.join(strings)
    #expect(try SPFRecord.parse(bytes: joined) == SPFRecord.parse(value))
  }
}
