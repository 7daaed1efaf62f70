import MailZoneNet
import MailZoneRecords
import Testing

@testable import MailZoneAudit

@Suite("SPF macro expansion: the examples of RFC 7208 §7.4")
struct SPFMacroExpanderTests {
  struct Example: CustomTestStringConvertible, Sendable {
    let macro: String
    let expected: String
    var testDescription: String { "\(macro) → \(expected)" }
  }

  static let ipv4Request = SPFCheckRequest(
    ip: .v4(IPv4Address(192, 0, 2, 3)), sender: "strong-bad@email.example.com", helo: "mx.example.org")

  @Test(arguments: [
    Example(macro: "%{s}", expected: "strong-bad@email.example.com"),
    Example(macro: "%{o}", expected: "email.example.com"),
    Example(macro: "%{d}", expected: "email.example.com"),
    Example(macro: "%{d4}", expected: "email.example.com"),
    Example(macro: "%{d3}", expected: "email.example.com"),
    Example(macro: "%{d2}", expected: "example.com"),
    Example(macro: "%{d1}", expected: "com"),
    Example(macro: "%{dr}", expected: "com.example.email"),
    Example(macro: "%{d2r}", expected: "example.email"),
    Example(macro: "%{l}", expected: "strong-bad"),
    Example(macro: "%{l-}", expected: "strong.bad"),
    Example(macro: "%{lr}", expected: "strong-bad"),
    Example(macro: "%{lr-}", expected: "bad.strong"),
    Example(macro: "%{l1r-}", expected: "strong"),
    Example(macro: "%{ir}.%{v}._spf.%{d2}", expected: "3.2.0.192.in-addr._spf.example.com"),
    Example(macro: "%{lr-}.lp._spf.%{d2}", expected: "bad.strong.lp._spf.example.com"),
    Example(macro: "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}", expected: "bad.strong.lp.3.2.0.192.in-addr._spf.example.com"),
    Example(macro: "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}", expected: "3.2.0.192.in-addr.strong.lp._spf.example.com"),
    Example(macro: "%{d2}.trusted-domains.example.net", expected: "example.com.trusted-domains.example.net"),
    Example(macro: "%{h}", expected: "mx.example.org"),
    Example(macro: "%%%_%-", expected: "% %20"),
    Example(macro: "%{S}", expected: "strong-bad%40email.example.com"),
  ])
  func ipv4(_ example: Example) throws {
    let string = try MacroString.parse(example.macro, context: .domainSpec)
    let expander = SPFMacroExpander(request: Self.ipv4Request, domain: "email.example.com", validatedName: nil)
    #expect(expander.expand(string) == example.expected)
  }

  @Test("IPv6: %{i} is 32 dotted nibbles, upper case as in the RFC's example")
  func ipv6() throws {
    let request = SPFCheckRequest(
      ip: try #require(IPAddress("2001:db8::cb01")), sender: "strong-bad@email.example.com", helo: "h")
    let expander = SPFMacroExpander(request: request, domain: "email.example.com", validatedName: nil)
    let string = try MacroString.parse("%{ir}.%{v}._spf.%{d2}", context: .domainSpec)
    #expect(
      expander.expand(string) == "1.0.B.C.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.B.D.0.1.0.0.2.ip6._spf.example.com")
  }

  @Test("explanation-only letters: c is the readable IP, r the receiver, t the timestamp")
  func explanationLetters() throws {
    let request = SPFCheckRequest(
      ip: .v4(IPv4Address(192, 0, 2, 3)), sender: "a@b.example", helo: "h", receiver: "mx.receiver.example",
      timestamp: 1_700_000_000)
    let expander = SPFMacroExpander(request: request, domain: "b.example", validatedName: nil)
    let string = try MacroString.parse("%{c} via %{r} at %{t}", context: .explanation)
    #expect(expander.expand(string) == "192.0.2.3 via mx.receiver.example at 1700000000")
  }

  @Test("§7.3: an expanded domain over 253 characters loses labels from the left; a final dot goes")
  func truncation() throws {
    let local = String(repeating: "a", count: 60)
    let request = SPFCheckRequest(
      ip: .v4(IPv4Address(192, 0, 2, 3)), sender: "\(local).\(local).\(local).\(local)@example.com", helo: "h")
    let expander = SPFMacroExpander(request: request, domain: "example.com", validatedName: nil)
    let name = expander.expandDomain(try MacroString.parse("%{l}.example.com.", context: .domainSpec))
    #expect(name.utf8.count <= 253)
    #expect(name == "\(local).\(local).\(local).example.com")
  }

  @Test("an empty MAIL FROM uses postmaster@helo; a missing local-part is postmaster (§4.3)")
  func senders() {
    let bounce = SPFCheckRequest(ip: .v4(IPv4Address(192, 0, 2, 3)), sender: "", helo: "mail.example.org")
    #expect(bounce.effectiveSender == ("postmaster", "mail.example.org"))
    let noLocal = SPFCheckRequest(ip: .v4(IPv4Address(192, 0, 2, 3)), sender: "@example.net", helo: "h")
    #expect(noLocal.effectiveSender == ("postmaster", "example.net"))
  }
}
