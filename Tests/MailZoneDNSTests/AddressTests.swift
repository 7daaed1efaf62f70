import MailZoneDNS
import MailZoneNet
import Testing

@Suite("Nameserver arguments and resolv.conf")
struct AddressTests {
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
