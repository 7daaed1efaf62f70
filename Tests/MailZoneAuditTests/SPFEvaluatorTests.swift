import MailZoneDNS
import MailZoneNet
import MailZoneTestSupport
import Testing

@testable import MailZoneAudit

/// check_host() over zone text: each case names the rule it exercises.
@Suite("SPF check_host over zone files")
struct SPFEvaluatorTests {
  static let zone = """
    $ORIGIN engine.test.
    $TTL 300
    @          SOA   ns hostmaster 1 3600 600 86400 300
    pass       TXT   "v=spf1 ip4:192.0.2.0/24 -all"
    softfail   TXT   "v=spf1 ip4:198.51.100.1 ~all"
    neutral    TXT   "v=spf1 ip4:198.51.100.1"
    inc        TXT   "v=spf1 include:pass.engine.test -all"
    incnone    TXT   "v=spf1 include:nothing.engine.test -all"
    incnospf   TXT   "v=spf1 include:plain.engine.test -all"
    plain      TXT   "just a verification token"
    redirect   TXT   "v=spf1 redirect=pass.engine.test"
    redirall   TXT   "v=spf1 ?all redirect=pass.engine.test"
    rednone    TXT   "v=spf1 redirect=nothing.engine.test"
    two        TXT   "v=spf1 -all"
    two        TXT   "v=spf1 +all"
    broken     TXT   "v=spf1 ip4:192.0.2.300 -all"
    amech      TXT   "v=spf1 a/24 -all"
    amech      A     192.0.2.77
    mxmech     TXT   "v=spf1 mx -all"
    mxmech     MX    10 mail.engine.test.
    mail       A     203.0.113.5
    mail       AAAA  2001:db8::5
    six        TXT   "v=spf1 ip6:2001:db8::/32 -all"
    void3      TXT   "v=spf1 a:n1.engine.test a:n2.engine.test a:n3.engine.test -all"
    void2      TXT   "v=spf1 a:n1.engine.test a:n2.engine.test ?all"
    exists     TXT   "v=spf1 exists:%{ir}.list.engine.test -all"
    3.2.0.192.list A 127.0.0.2
    exp        TXT   "v=spf1 -all exp=why.engine.test"
    why        TXT   "%{i} is not one of %{d}'s hosts"
    loop1      TXT   "v=spf1 include:loop2.engine.test -all"
    loop2      TXT   "v=spf1 include:loop1.engine.test -all"
    ptr        TXT   "v=spf1 ptr -all"
    """

  struct Case: CustomTestStringConvertible, Sendable {
    let domain: String
    let ip: String
    let expected: SPFResultCode
    let rule: String
    var testDescription: String { "\(domain) from \(ip) → \(expected.rawValue): \(rule)" }
  }

  static func resolver() throws -> ZoneFileResolver {
    ZoneFileResolver(files: [try ZoneFile(text: zone, path: "engine.zone")])
  }

  @Test(arguments: [
    Case(domain: "pass", ip: "192.0.2.9", expected: .pass, rule: "ip4 match (§5.6)"),
    Case(domain: "pass", ip: "192.0.3.9", expected: .fail, rule: "-all"),
    Case(domain: "pass", ip: "2001:db8::9", expected: .fail, rule: "ip4 never matches an IPv6 client"),
    Case(domain: "pass", ip: "::ffff:192.0.2.9", expected: .pass, rule: "IPv4-mapped client is IPv4"),
    Case(domain: "softfail", ip: "192.0.2.9", expected: .softfail, rule: "~all"),
    Case(domain: "neutral", ip: "192.0.2.9", expected: .neutral, rule: "no match, no redirect (§4.7)"),
    Case(domain: "inc", ip: "192.0.2.9", expected: .pass, rule: "include pass matches (§5.2)"),
    Case(domain: "inc", ip: "192.0.3.9", expected: .fail, rule: "include fail does not match"),
    Case(domain: "incnone", ip: "192.0.2.9", expected: .permerror, rule: "include of NXDOMAIN (§5.2)"),
    Case(domain: "incnospf", ip: "192.0.2.9", expected: .permerror, rule: "include of a name without SPF"),
    Case(domain: "redirect", ip: "192.0.2.9", expected: .pass, rule: "redirect (§6.1)"),
    Case(domain: "redirall", ip: "192.0.2.9", expected: .neutral, rule: "redirect ignored beside all"),
    Case(domain: "rednone", ip: "192.0.2.9", expected: .permerror, rule: "redirect target without SPF"),
    Case(domain: "two", ip: "192.0.2.9", expected: .permerror, rule: "two v=spf1 records (§4.5)"),
    Case(domain: "broken", ip: "192.0.2.9", expected: .permerror, rule: "syntax error (§4.6)"),
    Case(domain: "plain", ip: "192.0.2.9", expected: .none, rule: "TXT without SPF (§4.5)"),
    Case(domain: "nothing", ip: "192.0.2.9", expected: .none, rule: "NXDOMAIN (§4.3)"),
    Case(domain: "amech", ip: "192.0.2.200", expected: .pass, rule: "a/24 (§5.3)"),
    Case(domain: "mxmech", ip: "203.0.113.5", expected: .pass, rule: "mx, IPv4 (§5.4)"),
    Case(domain: "mxmech", ip: "2001:db8::5", expected: .pass, rule: "mx, IPv6 looks up AAAA"),
    Case(domain: "six", ip: "2001:db8:ffff::1", expected: .pass, rule: "ip6/32"),
    Case(domain: "void3", ip: "192.0.2.9", expected: .permerror, rule: "third void lookup (§4.6.4)"),
    Case(domain: "void2", ip: "192.0.2.9", expected: .neutral, rule: "two void lookups are allowed"),
    Case(domain: "exists", ip: "192.0.2.3", expected: .pass, rule: "exists with %{ir} (§5.7)"),
    Case(domain: "exists", ip: "192.0.2.4", expected: .fail, rule: "exists without a record"),
    Case(domain: "loop1", ip: "192.0.2.9", expected: .permerror, rule: "include loop hits the limit"),
    Case(domain: "ptr", ip: "192.0.2.9", expected: .fail, rule: "ptr without PTR records fails to match"),
  ])
  func results(_ c: Case) async throws {
    let evaluator = SPFEvaluator(resolver: try Self.resolver())
    let request = SPFCheckRequest(
      ip: try #require(IPAddress(c.ip)), sender: "user@\(c.domain).engine.test", helo: "helo.example")
    let result = await evaluator.checkHost(request)
    #expect(result.code == c.expected, "\(result.reason)")
  }

  @Test("exp= explains a fail with macros expanded; the deciding term and counters are reported")
  func explanation() async throws {
    let evaluator = SPFEvaluator(resolver: try Self.resolver())
    let result = await evaluator.checkHost(
      SPFCheckRequest(ip: .v4(IPv4Address(192, 0, 2, 1)), sender: "a@exp.engine.test", helo: "h"))
    #expect(result.code == .fail)
    #expect(result.explanation == "192.0.2.1 is not one of exp.engine.test's hosts")
    #expect(result.decidingTerm == "-all")
    let include = await evaluator.checkHost(
      SPFCheckRequest(ip: .v4(IPv4Address(192, 0, 2, 1)), sender: "a@inc.engine.test", helo: "h"))
    #expect(include.lookups == 1)
    #expect(include.decidingTerm == "include:pass.engine.test")
    #expect(include.trace.contains { $0.kind == .record && $0.depth == 1 })
  }

  @Test("a DNS timeout is temperror (§4.4), in bounded time")
  func temperror() async throws {
    let silent = try SilentServer()
    var configuration = LDNSResolverConfiguration(nameservers: [silent.nameserver])
    configuration.timeout = .milliseconds(100)
    configuration.tries = 1
    let evaluator = SPFEvaluator(resolver: try await LDNSResolver(configuration: configuration))
    let result = await evaluator.checkHost(
      SPFCheckRequest(ip: .v4(IPv4Address(192, 0, 2, 1)), sender: "a@example.test", helo: "h"))
    #expect(result.code == .temperror)
  }

  @Test("hostile graphs end fast with permerror: 2,000 chained includes, 500 MX hosts, a 50-domain cycle")
  func hostileGraphs() async throws {
    var zone = "$ORIGIN hostile.test.\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n"
    for i in 0..<2000 { zone += "c\(i) TXT \"v=spf1 include:c\(i + 1).hostile.test -all\"\n" }
    zone += "manymx TXT \"v=spf1 mx -all\"\n"
    for i in 0..<500 { zone += "manymx MX \(i) h\(i).hostile.test.\n" }
    for i in 0..<50 { zone += "r\(i) TXT \"v=spf1 include:r\((i + 1) % 50).hostile.test ?all\"\n" }
    let cache = CachingResolver(upstream: ZoneFileResolver(files: [try ZoneFile(text: zone, path: "hostile.zone")]))
    let evaluator = SPFEvaluator(resolver: cache)
    for domain in ["c0", "manymx", "r0"] {
      let result = await evaluator.checkHost(
        SPFCheckRequest(ip: .v4(IPv4Address(192, 0, 2, 1)), sender: "a@\(domain).hostile.test", helo: "h"))
      #expect(result.code == .permerror, "\(domain): \(result.reason)")
      #expect(result.lookups <= 11)
    }
    // Bounded by the limits, not by time: about a dozen TXT lookups per graph and one MX query,
    // never the thousands of names the graphs hold.
    let upstream = await cache.counts().upstream
    #expect(upstream < 40, "\(upstream) queries")
  }
}
