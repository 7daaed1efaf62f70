import Foundation
public import MailZoneDNS
public import MailZoneRecords

/// What `mailzone.yml` declares: the domain and everything that sends, receives and reports for it.
public struct GenerateConfig: Sendable, Hashable {
  /// A sending service from the catalogue, with the account values its records need.
  public struct Service: Sendable, Hashable {
    public var provider: MailProvider
    /// `tenant:` (Microsoft 365: the `<tenant>.onmicrosoft.com` name).
    public var tenant: String?
    /// `account:` (SendGrid, HubSpot: the account part of the DKIM names).
    public var account: String?
    /// `tokens:` (Amazon SES Easy DKIM).
    public var tokens: [String]

    /// Creates a service selection.
    public init(provider: MailProvider, tenant: String? = nil, account: String? = nil, tokens: [String] = []) {
      self.provider = provider
      self.tenant = tenant
      self.account = account
      self.tokens = tokens
    }
  }

  /// The DMARC policy to reach and where reports go.
  public struct DMARC: Sendable, Hashable {
    public var policy: DMARCPolicy
    /// `staged`: start at `none`, then `quarantine`, then `policy` (each stage's record is emitted).
    public var staged: Bool
    /// The stage to publish now (1-based) of a staged rollout.
    public var stage: Int
    public var aggregateReports: [String]
    public var failureReports: [String]

    /// Creates DMARC settings.
    public init(
      policy: DMARCPolicy, staged: Bool = false, stage: Int = 1, aggregateReports: [String],
      failureReports: [String] = []
    ) {
      self.policy = policy
      self.staged = staged
      self.stage = stage
      self.aggregateReports = aggregateReports
      self.failureReports = failureReports
    }

    /// The policies of the rollout in order: `none` up to `policy` when staged, else `policy` alone.
    public var stages: [DMARCPolicy] {
      guard staged else { return [policy] }
      let order: [DMARCPolicy] = [.none, .quarantine, .reject]
      return Array(order.prefix { $0 != policy }) + [policy]
    }

    /// The policy published now.
    public var currentPolicy: DMARCPolicy { stages[min(max(stage, 1), stages.count) - 1] }
  }

  /// MTA-STS: the policy mode, its lifetime and where `mta-sts.<domain>` points.
  public struct MTASTS: Sendable, Hashable {
    public var mode: MTASTSPolicy.Mode
    public var maxAge: Int
    /// The web host serving the policy (`mta-sts` CNAME target), when the zone should point it.
    public var host: String?

    /// Creates MTA-STS settings.
    public init(mode: MTASTSPolicy.Mode, maxAge: Int = 604_800, host: String? = nil) {
      self.mode = mode
      self.maxAge = maxAge
      self.host = host
    }
  }

  /// A DKIM key the domain signs with itself (`mailzone dkim keygen`), or one a provider names.
  public struct DKIMEntry: Sendable, Hashable {
    public var selector: String
    /// The TXT key record, rendered by the DKIM record renderer.
    public var keyRecord: String?
    /// A CNAME target instead of a key.
    public var cname: String?

    /// Creates an entry.
    public init(selector: String, keyRecord: String? = nil, cname: String? = nil) {
      self.selector = selector
      self.keyRecord = keyRecord
      self.cname = cname
    }
  }

  public var domain: DNSName
  public var ttl: UInt32
  /// `dkim:` entries.
  public var dkim: [DKIMEntry] = []
  public var services: [Service]
  public var ip4: [String]
  public var ip6: [String]
  /// MX hosts; empty: those of the first service that hosts mail.
  public var mx: [MXHost]
  public var dmarc: DMARC?
  public var mtaSTS: MTASTS?
  /// TLS-RPT `rua` URIs.
  public var tlsReports: [String]
  /// The BIMI logo (SVG Tiny PS over HTTPS) and optional evidence document (VMC/CMC).
  public var bimiLogo: String?
  public var bimiEvidence: String?
  /// Subdomains that send and receive no mail.
  public var parked: [DNSName]

  /// Creates a configuration.
  public init(
    domain: DNSName, ttl: UInt32 = 3600, services: [Service] = [], ip4: [String] = [], ip6: [String] = [],
    mx: [MXHost] = [], dmarc: DMARC? = nil, mtaSTS: MTASTS? = nil, tlsReports: [String] = [],
    bimiLogo: String? = nil, bimiEvidence: String? = nil, parked: [DNSName] = []
  ) {
    self.domain = domain
    self.ttl = ttl
    self.services = services
    self.ip4 = ip4
    self.ip6 = ip6
    self.mx = mx
    self.dmarc = dmarc
    self.mtaSTS = mtaSTS
    self.tlsReports = tlsReports
    self.bimiLogo = bimiLogo
    self.bimiEvidence = bimiEvidence
    self.parked = parked
  }

  /// The MX hosts in force: the configured ones, else those of the first service hosting mail.
  public var effectiveMX: [MXHost] {
    if !mx.isEmpty { return mx }
    let dashed = domain.description.replacingOccurrences(of: ".", with: "-")
    let hosting = services.first { !$0.provider.mx.isEmpty }
    return (hosting?.provider.mx ?? []).map {
      MXHost(priority: $0.priority, host: $0.host.replacingOccurrences(of: "{dashed}", with: dashed))
    }
  }
}
