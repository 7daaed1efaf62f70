import MailZoneGenerate
import MailZoneRecords
import Testing

@Suite("ConfigReader: mailzone.yml into a configuration, mistakes with file, line and key")
struct ConfigReaderTests {
  struct BadConfig: CustomStringConvertible, Sendable {
    var reason: String
    var yaml: String
    var line: Int?
    var key: String
    var message: String
    var description: String { reason }
  }

  static let bad: [BadConfig] = [
    BadConfig(reason: "no domain", yaml: "ttl: 300\n", line: 1, key: "domain", message: "missing required key"),
    BadConfig(
      reason: "unknown top-level key", yaml: "domain: example.com\ndmark:\n  policy: reject\n", line: 2, key: "dmark",
      message: "unknown key"),
    BadConfig(
      reason: "bad DMARC policy", yaml: "domain: example.com\ndmarc:\n  policy: block\n  rua: [a@example.com]\n",
      line: 3, key: "dmarc.policy", message: "expected one of none, quarantine, reject, not block"),
    BadConfig(
      reason: "unknown service", yaml: "domain: example.com\nservices:\n  - google-workspace\n  - sendgird\n",
      line: 4, key: "services[1]", message: "unknown service sendgird"),
    BadConfig(
      reason: "service needing an account",
      yaml: "domain: example.com\nservices:\n  - sendgrid\n  - service: hubspot\n",
      line: 3, key: "services[0]", message: "sendgrid needs account:"),
    BadConfig(
      reason: "Microsoft 365 without tenant", yaml: "domain: example.com\nservices:\n  - service: microsoft-365\n",
      line: 3, key: "services[0]", message: "microsoft-365 needs tenant:"),
    BadConfig(
      reason: "bad IPv4", yaml: "domain: example.com\nip4:\n  - 192.0.2.300\n", line: 3, key: "ip4[0]",
      message: "not an IPv4 address or network: 192.0.2.300"),
    BadConfig(
      reason: "prefix too long", yaml: "domain: example.com\nip6: [2001:db8::/129]\n", line: 2, key: "ip6[0]",
      message: "not an IPv6 address or network"),
    BadConfig(
      reason: "ttl out of range", yaml: "domain: example.com\nttl: 5\n", line: 2, key: "ttl",
      message: "expected a whole number from 60 to 604800"),
    BadConfig(
      reason: "BIMI logo over http", yaml: "domain: example.com\nbimi:\n  logo: http://example.com/l.svg\n", line: 3,
      key: "bimi.logo", message: "expected an https:// URL"),
    BadConfig(
      reason: "parked name outside the domain", yaml: "domain: example.com\nparked: [old.example.net]\n", line: 2,
      key: "parked[0]", message: "not a subdomain of example.com"),
    BadConfig(
      reason: "MTA-STS with nowhere to deliver", yaml: "domain: example.com\nmta-sts:\n  mode: enforce\n", line: 3,
      key: "mta-sts", message: "mta-sts needs mx hosts"),
    BadConfig(
      reason: "YAML syntax", yaml: "domain: example.com\nservices: [google-workspace\n", line: 3, key: "",
      message: "yaml syntax"),
    BadConfig(
      reason: "a key given twice (the first is marked)", yaml: "domain: example.com\nttl: 300\nttl: 600\n", line: 2,
      key: "ttl",
      message: "duplicate key"),
    BadConfig(reason: "not a mapping", yaml: "- example.com\n", line: 1, key: "", message: "expected a mapping"),
  ]

  @Test("a broken config names its line and key", arguments: bad)
  func broken(_ bad: BadConfig) {
    #expect {
      _ = try ConfigReader(file: "mailzone.yml").read(bad.yaml)
    } throws: { error in
      guard let error = error as? ConfigError else { return false }
      return error.file == "mailzone.yml" && error.line == bad.line && error.key == bad.key
        && error.message.hasPrefix(bad.message)
    }
  }

  @Test("the error text reads file:line: key: message")
  func errorText() {
    let error = ConfigError(file: "mailzone.yml", line: 7, key: "dmarc.policy", message: "expected one of none")
    #expect(error.description == "mailzone.yml:7: dmarc.policy: expected one of none")
  }

  @Test("a complete config reads every field")
  func complete() throws {
    let config = try ConfigReader(file: "full.yml").read(try GenerateHarness.text("full.yml"))
    #expect(config.domain.description == "example.com")
    #expect(
      config.services.map(\.provider.key) == ["google-workspace", "sendgrid", "amazon-ses", "mailchimp", "zendesk"])
    #expect(config.services[1].account == "u1234567.wl123")
    #expect(config.services[2].tokens.count == 3)
    #expect(config.ip4 == ["192.0.2.10", "198.51.100.0/28"])
    #expect(config.ip6 == ["2001:db8::25"])
    #expect(config.dmarc?.policy == .reject)
    #expect(config.dmarc?.staged == true)
    #expect(config.dmarc?.aggregateReports == ["mailto:dmarc@example.com", "mailto:reports@dmarc-vendor.example.net"])
    #expect(config.mtaSTS?.mode == .enforce)
    #expect(config.effectiveMX == [MXHost(priority: 1, host: "smtp.google.com")])
    #expect(config.tlsReports == ["mailto:tls@example.com"])
    #expect(config.bimiLogo == "https://example.com/brand/logo.svg")
    #expect(config.parked.map(\.description) == ["old.example.com", "promo.example.com"])
  }

  @Test("the starter config of `mailzone init` reads as it stands")
  func starter() throws {
    let config = try ConfigReader(file: "mailzone.yml").read(StarterConfig.text(domain: "example.net"))
    #expect(config.domain.description == "example.net")
    #expect(config.dmarc?.staged == true)
  }

  @Test("every catalogue key is unique and every provider says how to authenticate")
  func catalogue() {
    let keys = MailProvider.catalogue.map(\.key)
    #expect(Set(keys).count == keys.count)
    for provider in MailProvider.catalogue {
      #expect(provider.spfInclude != nil || !provider.dkim.isEmpty || provider.note != nil, "\(provider.key)")
    }
  }
}
