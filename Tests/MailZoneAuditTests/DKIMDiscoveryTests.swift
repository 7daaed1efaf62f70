import MailZoneDNS
import Testing

@testable import MailZoneAudit

/// DKIM collection: which selectors are probed and why, RFC 8020, CNAME delegation, key facts.
@Suite("DKIM discovery")
struct DKIMDiscoveryTests {
  /// A provider name seen in SPF or MX, and the selectors it must cause to be probed.
  struct ProviderCase: CustomTestStringConvertible, Sendable {
    /// The provider as the snapshot names it, and what the case shows.
    let provider: String
    let note: String
    let records: [String]
    /// Probed because of the provider (`provider`), or already in the common list (`common`).
    let selectors: [(String, DKIMSnapshot.Origin)]
    var testDescription: String { "\(note) → \(selectors.map(\.0).joined(separator: ", "))" }
  }

  static let providerCases: [ProviderCase] = [
    ProviderCase(
      provider: "Google Workspace", note: "Google include (real name)",
      records: [#"@ 300 TXT "v=spf1 include:_spf.google.com ~all""#],
      selectors: [("google", .common)]),
    ProviderCase(
      provider: "Google Workspace", note: "Google MX (bench name)", records: ["@ 300 MX 1 aspmx.l.google.test."],
      selectors: [("google", .common)]),
    ProviderCase(
      provider: "Microsoft 365", note: "Microsoft 365 per-tenant MX",
      records: ["@ 300 MX 0 acme-test.mail.protection.outlook.com."],
      selectors: [("selector1", .common), ("selector2", .common)]),
    ProviderCase(
      provider: "Mailchimp", note: "Mailchimp include", records: [#"@ 300 TXT "v=spf1 include:servers.mcsv.net -all""#],
      selectors: [("k1", .common), ("k2", .common), ("k3", .common)]),
    ProviderCase(
      provider: "SendGrid", note: "SendGrid include", records: [#"@ 300 TXT "v=spf1 include:sendgrid.net -all""#],
      selectors: [("s1", .common), ("s2", .common)]),
    ProviderCase(
      provider: "Zoho Mail", note: "Zoho MX", records: ["@ 300 MX 10 mx.zoho.eu."],
      selectors: [("zoho", .common), ("zmail", .common)]),
    ProviderCase(
      provider: "Mailgun", note: "Mailgun include", records: [#"@ 300 TXT "v=spf1 include:mailgun.org ~all""#],
      selectors: [("krs", .common), ("mx", .common), ("pic", .common), ("smtp", .common), ("mailo", .provider)]),
    ProviderCase(
      provider: "Constant Contact", note: "Constant Contact include (bench name)",
      records: [#"@ 300 TXT "v=spf1 include:spf.constantcontact.test -all""#],
      selectors: [("ctct1", .provider), ("ctct2", .provider)]),
    ProviderCase(
      provider: "HubSpot", note: "HubSpot per-account include (real name)",
      records: [#"@ 300 TXT "v=spf1 include:7087942.spf0.hubspotemail.net -all""#],
      selectors: [("hs1-7087942", .provider), ("hs2-7087942", .provider)]),
    ProviderCase(
      provider: "HubSpot", note: "HubSpot per-account include (bench name)",
      records: [#"@ 300 TXT "v=spf1 include:123.spf0.hubspotemail.test -all""#],
      selectors: [("hs1-123", .provider), ("hs2-123", .provider)]),
    ProviderCase(
      provider: "SendGrid", note: "SendGrid behind a redirect",
      records: [
        #"@ 300 TXT "v=spf1 redirect=_spf.acme.test""#, #"_spf 300 TXT "v=spf1 include:sendgrid.net -all""#,
      ],
      selectors: [("s1", .common), ("s2", .common)]),
    ProviderCase(
      provider: "Constant Contact", note: "Constant Contact in one of two SPF records (permerror, still a hint)",
      records: [
        #"@ 300 TXT "v=spf1 include:spf.constantcontact.com -all""#, #"@ 300 TXT "v=spf1 mx -all""#,
      ],
      selectors: [("ctct1", .provider), ("ctct2", .provider)]),
  ]

  @Test("provider names in SPF and MX imply selectors", arguments: providerCases)
  func providerSelectors(_ c: ProviderCase) async throws {
    // A key somewhere below _domainkey makes it an empty non-terminal, so probing happens.
    let zone = AuditTestZones.zone("acme.test", c.records + ["k._domainkey 300 TXT \"v=DKIM1; p=\""])
    let (snapshot, _) = try await AuditTestZones.snapshot("acme.test", zones: [zone])
    for (selector, origin) in c.selectors {
      let probe = try #require(snapshot.dkim.probed.first { $0.selector == selector }, "\(selector) was not probed")
      #expect(probe.origin == origin, "\(selector)")
      #expect(probe.provider == c.provider, "\(selector)")
    }
  }

  @Test("a name that merely contains a provider label implies nothing")
  func lookalikes() async throws {
    let zone = AuditTestZones.zone(
      "acme.test", #"@ 300 TXT "v=spf1 include:google.acme.test include:_spf.notsendgrid.test -all""#,
      "k._domainkey 300 TXT \"v=DKIM1; p=\"")
    let (snapshot, _) = try await AuditTestZones.snapshot("acme.test", zones: [zone])
    #expect(!snapshot.dkim.probed.contains { $0.origin == .provider || $0.provider != nil })
  }

  @Test("RFC 8020: no selector is asked when _domainkey is NXDOMAIN, even a given one")
  func nxdomainSkipsProbing() async throws {
    let zone = AuditTestZones.zone("bare.test", #"@ 300 TXT "v=spf1 include:sendgrid.net -all""#)
    let (snapshot, recorder) = try await AuditTestZones.snapshot("bare.test", zones: [zone], selectors: ["mine"])
    #expect(snapshot.dkim.skippedNoDomainKey)
    #expect(snapshot.dkim.probed.isEmpty && snapshot.dkim.keys.isEmpty)
    let dkimQuestions = recorder.questions.filter { $0.contains("_domainkey.") }
    #expect(dkimQuestions == ["_domainkey.bare.test TXT"])
  }

  @Test("an empty non-terminal _domainkey answers NODATA, and every selector is probed concurrently")
  func emptyNonTerminalProbes() async throws {
    let zone = AuditTestZones.zone(
      "ent.test", AuditTestZones.txt("mine._domainkey", "v=DKIM1; p=" + TestKeys.rsa(bits: 2048)))
    let (snapshot, recorder) = try await AuditTestZones.snapshot("ent.test", zones: [zone], selectors: ["mine"])
    #expect(snapshot.dkim.domainKey.status == .noData)
    let asked = Set(recorder.questions.filter { $0.hasSuffix("._domainkey.ent.test TXT") })
    #expect(asked.count == snapshot.dkim.probed.count && snapshot.dkim.probed.count > 30)
    let key = try #require(snapshot.dkim.keys.first)
    #expect(key.selector == "mine" && key.origin == .given && key.keyBits == 2048)
  }

  @Test("a selector both given and common is reported as given")
  func givenWins() async throws {
    let zone = AuditTestZones.zone(
      "g.test", AuditTestZones.txt("google._domainkey", "v=DKIM1; p=" + TestKeys.rsa(bits: 2048)))
    let (snapshot, _) = try await AuditTestZones.snapshot("g.test", zones: [zone], selectors: ["google"])
    #expect(snapshot.dkim.keys.map(\.origin) == [.given])
    #expect(snapshot.dkim.probed.filter { $0.selector == "google" }.count == 1)
  }

  @Test("the plan asks each selector once, given first, whatever the case it was written in")
  func planOnce() {
    // The plan relies on the catalog being lower-case without repeats.
    #expect(DKIMSelectorCatalog.common.allSatisfy { $0 == $0.lowercased() })
    #expect(Set(DKIMSelectorCatalog.common).count == DKIMSelectorCatalog.common.count)
    let probes = DKIMSnapshot.plan(
      given: ["Google", "mine"], discover: true,
      hints: [
        (selector: "GOOGLE", provider: "Google Workspace"), (selector: "hs1", provider: "HubSpot"),
        (selector: "s1-42", provider: "X"),
      ])
    let names = probes.map { $0.selector.lowercased() }
    #expect(Set(names).count == names.count)
    #expect(probes.prefix(2).map(\.selector) == ["Google", "mine"])
    #expect(probes[0].provider == "Google Workspace")
    #expect(probes.last?.selector == "s1-42" && probes.last?.origin == .provider)
    #expect(probes.first { $0.selector == "hs1" }?.origin == .common)
    #expect(probes.first { $0.selector == "hs1" }?.provider == "HubSpot")
    #expect(names.count == 2 + DKIMSelectorCatalog.common.count - 1 + 1)
  }

  @Test("without discovery only the given selectors are probed")
  func noDiscovery() async throws {
    let zone = AuditTestZones.zone(
      "nd.test", AuditTestZones.txt("google._domainkey", "v=DKIM1; p=" + TestKeys.rsa(bits: 2048)))
    let (snapshot, _) = try await AuditTestZones.snapshot("nd.test", zones: [zone], selectors: ["x"], discover: false)
    #expect(snapshot.dkim.probed.map(\.selector) == ["x"])
    #expect(snapshot.dkim.keys.isEmpty)
  }

  @Test("a CNAME-delegated key is followed into the provider's zone")
  func cnameDelegation() async throws {
    let customer = AuditTestZones.zone(
      "acme.test", "@ 300 MX 0 acme-test.mail.protection.outlook.test.",
      "selector1._domainkey 300 CNAME selector1-acme-test._domainkey.acme.onmicrosoft.test.",
      "selector2._domainkey 300 CNAME selector2-acme-test._domainkey.gone.onmicrosoft.test.")
    let provider = AuditTestZones.zone(
      "onmicrosoft.test",
      AuditTestZones.txt("selector1-acme-test._domainkey.acme", "v=DKIM1; k=rsa; p=" + TestKeys.rsa(bits: 2048)))
    let (snapshot, _) = try await AuditTestZones.snapshot("acme.test", zones: [customer, provider])
    let keys = snapshot.dkim.keys
    #expect(keys.count == 1, "the dangling selector2 CNAME leads to no key")
    let key = try #require(keys.first)
    #expect(key.selector == "selector1" && key.viaCNAME && key.keyBits == 2048 && key.isValid)
    #expect(key.publisher.description == "selector1-acme-test._domainkey.acme.onmicrosoft.test")
    #expect(key.owner.description == "selector1._domainkey.acme.test")
  }

  /// A published key and the facts the snapshot must report for it.
  struct KeyCase: CustomTestStringConvertible, Sendable {
    let name: String
    let record: String
    let keyType: String
    let bits: Int?
    let revoked: Bool
    let testing: Bool
    let valid: Bool
    var testDescription: String { name }
  }

  static let keyCases: [KeyCase] = [
    KeyCase(
      name: "RSA 512: parses, not valid (RFC 8301)", record: "v=DKIM1; k=rsa; p=" + TestKeys.rsa(bits: 512),
      keyType: "rsa", bits: 512, revoked: false, testing: false, valid: false),
    KeyCase(
      name: "RSA 1024, testing", record: "v=DKIM1; k=rsa; t=y; p=" + TestKeys.rsa(bits: 1024), keyType: "rsa",
      bits: 1024, revoked: false, testing: true, valid: true),
    KeyCase(
      name: "RSA 2048 without k= or v=", record: "p=" + TestKeys.rsa(bits: 2048), keyType: "rsa", bits: 2048,
      revoked: false, testing: false, valid: true),
    KeyCase(
      name: "RSA 4096 over several strings", record: "v=DKIM1; p=" + TestKeys.rsa(bits: 4096), keyType: "rsa",
      bits: 4096, revoked: false, testing: false, valid: true),
    KeyCase(
      name: "Ed25519 (RFC 8463)", record: "v=DKIM1; k=ed25519; p=" + TestKeys.ed25519(), keyType: "ed25519",
      bits: 256, revoked: false, testing: false, valid: true),
    KeyCase(
      name: "revoked", record: "v=DKIM1; k=rsa; p=", keyType: "rsa", bits: nil, revoked: true, testing: false,
      valid: false),
    KeyCase(
      name: "malformed base64 with t=y: facts from the tags", record: "v=DKIM1; k=rsa; t=y; p=MIGf!!",
      keyType: "rsa", bits: nil, revoked: false, testing: true, valid: false),
    KeyCase(
      name: "sha1-only h=: not valid (RFC 8301 §3.1)", record: "v=DKIM1; h=sha1; p=" + TestKeys.rsa(bits: 2048),
      keyType: "rsa", bits: 2048, revoked: false, testing: false, valid: false),
  ]

  @Test("key facts", arguments: keyCases)
  func keyFacts(_ c: KeyCase) async throws {
    let zone = AuditTestZones.zone("keys.test", AuditTestZones.txt("default._domainkey", c.record))
    let (snapshot, _) = try await AuditTestZones.snapshot("keys.test", zones: [zone])
    let key = try #require(snapshot.dkim.keys.first)
    #expect(snapshot.dkim.keys.count == 1)
    #expect(key.selector == "default" && key.origin == .common && !key.viaCNAME)
    #expect(key.keyType == c.keyType)
    #expect(key.keyBits == c.bits)
    #expect(key.isRevoked == c.revoked)
    #expect(key.isTesting == c.testing)
    #expect(key.isValid == c.valid)
  }

  @Test("a *._domainkey wildcard is one '*' entry, not one key per discovered selector")
  func wildcardFolds() async throws {
    let zone = AuditTestZones.zone(
      "parked.test", "@ 300 MX 0 .", "*._domainkey 300 TXT \"v=DKIM1; p=\"",
      AuditTestZones.txt("real._domainkey", "v=DKIM1; p=" + TestKeys.rsa(bits: 2048)))
    let (snapshot, _) = try await AuditTestZones.snapshot("parked.test", zones: [zone], selectors: ["real", "mine"])
    let keys = snapshot.dkim.keys
    // A given selector stays as asked, even when the wildcard answers it.
    #expect(keys.map(\.selector) == ["real", "mine", "*"])
    let wildcard = try #require(keys.last)
    #expect(wildcard.isWildcard && wildcard.isRevoked && wildcard.origin == .common)
    #expect(wildcard.owner.description == "*._domainkey.parked.test")
  }

  @Test("TXT data at a selector that is not a key record (a wildcard SPF record) is not a key")
  func nonKeyTXT() async throws {
    let zone = AuditTestZones.zone("wild.test", "* 300 TXT \"v=spf1 -all\"", "* 300 TXT \"verification=abc\"")
    let (snapshot, _) = try await AuditTestZones.snapshot("wild.test", zones: [zone])
    #expect(snapshot.dkim.domainKey.status == .noError)
    #expect(snapshot.dkim.keys.isEmpty)
  }

  @Test("a wildcard that is an alias folds the same way")
  func wildcardCNAMEFolds() async throws {
    let customer = AuditTestZones.zone("alias.test", "*._domainkey 300 CNAME revoked.keys.provider.test.")
    let provider = AuditTestZones.zone("provider.test", "revoked.keys 300 TXT \"v=DKIM1; p=\"")
    let (snapshot, _) = try await AuditTestZones.snapshot("alias.test", zones: [customer, provider])
    let keys = snapshot.dkim.keys
    #expect(keys.map(\.selector) == ["*"])
    #expect(keys.first?.viaCNAME == true && keys.first?.isWildcard == true)
  }
}
