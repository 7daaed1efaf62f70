import MailZoneDNS
import Testing

@Suite("IP addresses and nameserver arguments")
struct AddressTests {
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
    ("127.0.0.1", "127.0.0.1:53"), ("127.0.0.1:5353", "127.0.0.1:5353"), ("::1", "[::1]:53"),
    ("[::1]:5300", "[::1]:5300"), ("[2001:db8::53]", "[2001:db8::53]:53"),
  ])
  func nameservers(_ text: String, _ description: String) throws {
    #expect(try Nameserver(parsing: text).description == description)
  }

  @Test(arguments: ["localhost", "127.0.0.1:0", "127.0.0.1:70000", "[::1", "1.2.3.4:x", "::1]:53"])
  func badNameservers(_ text: String) {
    #expect(throws: NameserverError.self) { try Nameserver(parsing: text) }
  }

  @Test("resolv.conf: nameservers in order, options, comments; 127.0.0.1 when none")
  func resolvConf() {
    let conf = SystemResolverConfiguration(
      contents: """
        # comment
        nameserver 192.0.2.53
        nameserver 2001:db8::53 ; trailing comment
        nameserver fe80::1%eth0
        search example.com
        options timeout:3 attempts:4 rotate
        """)
    #expect(conf.nameservers.map(\.description) == ["192.0.2.53:53", "[2001:db8::53]:53"])
    #expect(conf.timeoutSeconds == 3)
    #expect(conf.attempts == 4)
    #expect(SystemResolverConfiguration(contents: "").nameservers.map(\.description) == ["127.0.0.1:53"])
  }
}
