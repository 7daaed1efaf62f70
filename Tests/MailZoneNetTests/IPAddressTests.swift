import MailZoneNet
import Testing

@Suite("IP addresses: strict parsing, RFC 5952 text, prefix matching")
struct IPAddressTests {
  @Test(arguments: [
    ("192.0.2.1", true), ("0.0.0.0", true), ("255.255.255.255", true), ("192.0.2.01", false),
    ("192.0.2", false), ("192.0.2.256", false), ("1.2.3.4.5", false), ("a.b.c.d", false), ("", false),
  ])
  func ipv4(_ text: String, _ valid: Bool) {
    #expect((IPv4Address(text) != nil) == valid)
    if valid { #expect(IPv4Address(text)?.description == text) }
  }

  @Test(arguments: [
    ("2001:db8::1", "2001:db8::1"), ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
    ("::", "::"), ("::1", "::1"), ("1::", "1::"), ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
    ("::ffff:192.0.2.1", "::ffff:c000:201"), ("2001:db8:1:1:1:1:1:1", "2001:db8:1:1:1:1:1:1"),
  ])
  func ipv6(_ text: String, _ canonical: String) throws {
    let address = try #require(IPv6Address(text))
    #expect(address.description == canonical, "RFC 5952 form")
  }

  @Test(arguments: ["1:2:3:4:5:6:7:8:9", "1:::2", "12345::", "::g", "1::2::3", ":1:2:3:4:5:6:7", ""])
  func invalidIPv6(_ text: String) {
    #expect(IPv6Address(text) == nil)
  }

  @Test(arguments: [
    ("192.0.2.77", "192.0.2.0", 24, true), ("192.0.3.1", "192.0.2.0", 24, false),
    ("192.0.2.77", "192.0.2.64", 26, true), ("192.0.2.128", "192.0.2.64", 26, false),
    ("10.1.2.3", "0.0.0.0", 0, true), ("192.0.2.1", "192.0.2.1", 32, true), ("192.0.2.2", "192.0.2.1", 32, false),
    ("2001:db8::1", "2001:db8::", 32, true), ("2001:db9::1", "2001:db8::", 32, false),
    ("2001:db8:1:ff::1", "2001:db8:1::", 56, true), ("2001:db8:1:100::1", "2001:db8:1::", 56, false),
    ("192.0.2.1", "::", 0, false),
  ])
  func prefixMatch(_ address: String, _ network: String, _ prefix: Int, _ expected: Bool) throws {
    let a = try #require(IPAddress(address))
    let n = try #require(IPAddress(network))
    #expect(a.matches(n, prefix: prefix) == expected, "families never match each other")
  }

  @Test("IPv4-mapped IPv6 clients are treated as IPv4 (RFC 7208 §5)")
  func unmapped() throws {
    #expect(try #require(IPAddress("::ffff:192.0.2.1")).unmapped == .v4(IPv4Address(192, 0, 2, 1)))
    #expect(try #require(IPAddress("2001:db8::1")).unmapped == IPAddress("2001:db8::1"))
  }

  @Test("bytes round-trip for both families")
  func bytes() throws {
    let v6 = try #require(IPv6Address("2001:db8::25"))
    #expect(IPv6Address(bytes: v6.bytes) == v6)
    #expect(IPv4Address(bytes: [192, 0, 2, 1]) == IPv4Address(192, 0, 2, 1))
    #expect(IPv4Address(value: 0xC000_0201) == IPv4Address(192, 0, 2, 1))
    #expect(IPv4Address(bytes: [1, 2, 3]) == nil)
  }
}
