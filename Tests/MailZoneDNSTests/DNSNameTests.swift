import MailZoneDNS
import MailZoneNet
import Testing

@Suite("DNSName: presentation parsing, limits and comparison")
struct DNSNameTests {
  struct Valid: CustomTestStringConvertible, Sendable {
    let text: String
    let labels: [String]
    let reason: String
    var testDescription: String { "\(text): \(reason)" }
  }

  @Test(arguments: [
    Valid(text: "example.com", labels: ["example", "com"], reason: "relative text is taken as absolute"),
    Valid(text: "example.com.", labels: ["example", "com"], reason: "final dot"),
    Valid(text: ".", labels: [], reason: "the root"),
    Valid(text: "a\\.b.example", labels: ["a.b", "example"], reason: "escaped dot stays in the label"),
    Valid(text: "\\065bc.test", labels: ["Abc", "test"], reason: "\\DDD escape (RFC 1035 §5.1)"),
    Valid(text: "_dmarc.example.com", labels: ["_dmarc", "example", "com"], reason: "underscore labels"),
  ])
  func parses(_ c: Valid) throws {
    let name = try DNSName(c.text)
    #expect(name.labels.map { String(decoding: $0, as: UTF8.self) } == c.labels)
  }

  struct Invalid: CustomTestStringConvertible, Sendable {
    let text: String
    let error: DNSNameError
    var testDescription: String { "\(text.prefix(40)) → \(error)" }
  }

  @Test(arguments: [
    Invalid(text: "", error: .emptyName),
    Invalid(text: "a..b", error: .emptyLabel),
    Invalid(text: ".example", error: .emptyLabel),
    Invalid(text: String(repeating: "a", count: 64) + ".test", error: .labelTooLong(64)),
    Invalid(
      text: Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: "."),
      error: .nameTooLong(257)),
    Invalid(text: "a\\", error: .badEscape),
    Invalid(text: "a\\256.test", error: .badEscape),
  ])
  func rejects(_ c: Invalid) {
    #expect(throws: c.error) { try DNSName(c.text) }
  }

  @Test("253 characters of text (255 octets on the wire) is the longest name")
  func longestName() throws {
    let text = [
      String(repeating: "a", count: 63), String(repeating: "b", count: 63),
      String(repeating: "c", count: 63), String(repeating: "d", count: 61),
    ].joined(separator: ".")
    let name = try DNSName(text)
    #expect(text.utf8.count == 253)
    #expect(name.wireLength == 255)
  }

  @Test("comparison and hashing ignore ASCII case only (RFC 4343)")
  func caseInsensitive() throws {
    #expect(try DNSName("Example.COM") == DNSName("example.com."))
    #expect(Set([try DNSName("A.test"), try DNSName("a.TEST")]).count == 1)
    #expect(try DNSName("\\195\\169.test") != DNSName("\\195\\137.test"))
  }

  @Test("presentation escapes special and non-printable bytes, and round-trips")
  func presentation() throws {
    let name = try DNSName(labels: [Array("a.b".utf8), [0x00, 0xFF, 0x20], Array("test".utf8)])
    #expect(name.absoluteText == "a\\.b.\\000\\255\\ .test.")
    #expect(try DNSName(name.absoluteText) == name)
    #expect(DNSName.root.absoluteText == ".")
  }

  @Test("subdomain tests and parents")
  func hierarchy() throws {
    let name = try DNSName("mx.Example.com")
    #expect(name.isSubdomain(of: try DNSName("example.COM")))
    #expect(name.isSubdomain(of: .root))
    #expect(!name.isSubdomain(of: try DNSName("ample.com")))
    #expect(name.parent == (try DNSName("example.com")))
    #expect(try name.prepending("_dmarc") == DNSName("_dmarc.mx.example.com"))
  }
}

@Suite("DNSName: one wire buffer behind every operation")
struct DNSNameWireTests {
  @Test("parent, suffix, subdomain and prefix tests agree with the labels, ignoring case")
  func relations() throws {
    let name = try DNSName("Sel._DomainKey.Example.TEST")
    #expect(name.labelCount == 4)
    let expected = [3] + Array("Sel".utf8) + [10] + Array("_DomainKey".utf8) + [7] + Array("Example".utf8) + [4]
    #expect(name.wire == expected + Array("TEST".utf8) + [0])
    #expect(name.parent == (try DNSName("_domainkey.example.test")))
    #expect(name.suffix(2) == (try DNSName("example.test")))
    #expect(name.suffix(0) == .root)
    #expect(name.suffix(9) == name)
    #expect(name.isSubdomain(of: try DNSName("EXAMPLE.test")))
    #expect(!name.isSubdomain(of: try DNSName("ample.test")))
    #expect(name.isSubdomain(of: .root))
    #expect(try DNSName("example.test._report._dmarc.v.test").starts(with: try DNSName("EXAMPLE.test")))
    #expect(!(try DNSName("example.testing.v.test").starts(with: try DNSName("example.test"))))
    #expect(!(try DNSName("example.test").starts(with: try DNSName("a.example.test"))))
    #expect(name.lowercased.description == "sel._domainkey.example.test")
    #expect(DNSName.root.parent == nil && DNSName.root.wire == [0] && DNSName.root.labels.isEmpty)
    #expect(try name.suffix(2).prepending("a.B") == (try DNSName("a.b.example.test")))
    let label = Array(repeating: UInt8(ascii: "x"), count: 63)
    let longest = try DNSName(labels: [label, label, label, Array(label.prefix(61))])  // 255 octets
    #expect(throws: DNSNameError.nameTooLong(257)) { try longest.prepending("a") }
  }

  @Test("equal names hash alike whatever their case; label boundaries count")
  func hashing() throws {
    let a = try DNSName("MiXeD.Example.test")
    let b = try DNSName("mixed.example.TEST")
    #expect(a == b && a.hashValue == b.hashValue)
    #expect(Set([a, b]).count == 1)
    #expect(
      try DNSName(labels: [Array("ab".utf8), Array("c".utf8)])
        != (try DNSName(labels: [Array("a".utf8), Array("bc".utf8)])))
  }

  @Test("hashing lowers eight octets at a time exactly as one at a time, for every octet and offset")
  func wordwiseHashing() throws {
    // Every octet value at every position of names whose wire form spans whole words and a tail.
    for length in [1, 7, 8, 15] {
      for position in 0..<length {
        for value in 0...255 {
          var label = Array("qZ9-aB_x@[`{mNo".utf8.prefix(length))
          label[position] = UInt8(value)
          let upper = try DNSName(labels: [label, Array("TeSt".utf8)])
          let lowered = label.map { (65...90).contains($0) ? $0 + 32 : $0 }
          let lower = try DNSName(labels: [lowered, Array("test".utf8)])
          #expect(upper.hashValue == lower.hashValue)
          #expect(upper.hashValue == upper.lowercased.hashValue)
        }
      }
    }
  }

  @Test("plain labels and plain names take the fast paths with the general paths' results")
  func fastPaths() throws {
    let base = try DNSName("Example.test")
    #expect(try base.prepending("sel1") == DNSName("sel1.example.test"))
    #expect(try base.prepending("sel1").wire == DNSName(labels: [Array("sel1".utf8)] + base.labels).wire)
    #expect(try base.prepending("a\\.b").labels.first == Array("a.b".utf8))
    #expect(throws: DNSNameError.emptyName) { try base.prepending("") }
    #expect(throws: DNSNameError.labelTooLong(64)) { try base.prepending(String(repeating: "x", count: 64)) }
    #expect(try DNSName("Sel._domainkey.Example.test").description == "Sel._domainkey.Example.test")
    #expect(try DNSName("a.Bc.").wire == DNSName(labels: [Array("a".utf8), Array("Bc".utf8)]).wire)
    #expect(try DNSName("a.Bc").labelCount == 2)
    #expect(throws: DNSNameError.emptyLabel) { try DNSName("a..b") }
    #expect(throws: DNSNameError.emptyLabel) { try DNSName(".a") }
    #expect(throws: DNSNameError.labelTooLong(64)) { try DNSName(String(repeating: "x", count: 64) + ".test") }
    let label = String(repeating: "x", count: 63)
    #expect(throws: DNSNameError.nameTooLong(257)) { try DNSName([label, label, label, label].joined(separator: ".")) }
    #expect(
      try DNSName([label, label, label, String(label.prefix(61))].joined(separator: ".") + ".").wireLength == 255)
    #expect(try DNSName(".") == .root)
    #expect(try DNSName(labels: [[0x41, 0x40], Array("test".utf8)]).description == "A\\@.test")
  }
}

@Suite("DNSName: reverse-mapping names")
struct DNSNameReverseTests {
  @Test(
    "in-addr.arpa and ip6.arpa names built in wire form match their presentation text",
    arguments: [
      ("192.0.2.1", "1.2.0.192.in-addr.arpa"),
      ("10.0.0.255", "255.0.0.10.in-addr.arpa"),
      ("0.0.0.0", "0.0.0.0.in-addr.arpa"),
      ("::ffff:198.51.100.7", "7.100.51.198.in-addr.arpa"),
      (
        "2001:db8::567:89ab",
        "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"
      ),
    ])
  func reverse(address: String, expected: String) throws {
    let ip = try #require(IPAddress(address))
    let name = DNSName.reverse(ip)
    #expect(name == (try DNSName(expected)))
    #expect(name.wire == (try DNSName(expected)).wire)
    #expect(name.labelCount == (try DNSName(expected)).labelCount)
    #expect(name.description == expected)
  }
}
