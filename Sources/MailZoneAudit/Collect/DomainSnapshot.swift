public import MailZoneDNS

/// Every DNS answer one domain's audit needs, gathered before any check runs.
///
/// Collection is concurrent and goes through the run's shared cache; a failed query is recorded
/// (in `failures`), never thrown. Checks read this value and nothing else.
public struct DomainSnapshot: Sendable {
  public var domain: DNSName
  public var spf: SPFSnapshot
  public var dmarc: DMARCSnapshot
  public var dkim: DKIMSnapshot
  public var mx: MXSnapshot
  public var policies: PolicyRecordsSnapshot

  public init(
    domain: DNSName, spf: SPFSnapshot, dmarc: DMARCSnapshot, dkim: DKIMSnapshot, mx: MXSnapshot,
    policies: PolicyRecordsSnapshot
  ) {
    self.domain = domain
    self.spf = spf
    self.dmarc = dmarc
    self.dkim = dkim
    self.mx = mx
    self.policies = policies
  }

  /// Collects everything for `domain`, the families in parallel.
  public static func collect(_ domain: DNSName, context: CollectionContext) async -> DomainSnapshot {
    // Every family starts with a question about the domain's own names. Asked as one batch
    // (one hand-over to the event loop, one send), they are answered before the families start,
    // which then read them from the run's cache without waiting.
    if context.resolver.keepsAnswers { _ = await context.resolver.queryAll(firstQuestions(domain)) }
    async let spf = SPFSnapshot.collect(domain, context: context)
    async let dmarc = DMARCSnapshot.collect(domain, context: context)
    async let mx = MXSnapshot.collect(domain, context: context)
    async let early = DKIMSnapshot.probeEarly(domain, context: context)
    // Its three questions were in the first batch: cache reads, no task of its own.
    let policies = await PolicyRecordsSnapshot.collect(domain, context: context)
    let (spfValue, mxValue) = await (spf, mx)
    // DKIM discovery adds the selectors of the providers that SPF and MX reveal.
    let dkim = await DKIMSnapshot.collect(domain, spf: spfValue, mx: mxValue, early: await early, context: context)
    return DomainSnapshot(
      domain: domain, spf: spfValue, dmarc: await dmarc, dkim: dkim, mx: mxValue, policies: policies)
  }

  /// The first question of each family: SPF's TXT, type 99 and CNAME at the domain, MX, DMARC's
  /// `_dmarc`, the policy records' names, and DKIM's `_domainkey`.
  static func firstQuestions(_ domain: DNSName) -> [DNSQuestion] {
    let atDomain = [RRType.txt, .spf, .cname, .mx].map { DNSQuestion(domain, $0) }
    let below = (["_dmarc"] + PolicyRecordsSnapshot.prefixes + ["_domainkey"]).compactMap { prefix in
      (try? domain.prepending(prefix)).map { DNSQuestion($0, .txt) }
    }
    return atDomain + below
  }

  /// False when the domain itself answers NXDOMAIN (RFC 8020: nothing exists at or below it).
  public var domainExists: Bool { spf.txt.status != .nxDomain }

  /// Every query that failed (SERVFAIL, REFUSED, timeout, ...): the audit is then incomplete.
  public var failures: [QueryFailure] {
    spf.failures + dmarc.failures + dkim.failures + mx.failures + policies.failures
  }
}

/// A query that got no conclusive answer.
public struct QueryFailure: Sendable, Hashable {
  public var name: DNSName
  public var type: RRType
  public var status: DNSStatus

  public init(name: DNSName, type: RRType, status: DNSStatus) {
    self.name = name
    self.type = type
    self.status = status
  }

  /// The failure an answer stands for, if it is not conclusive. A name outside the loaded zone
  /// files is unknown, not failed: an offline audit stays complete.
  public init?<T>(_ answer: DNSAnswer<T>) {
    guard !answer.status.isConclusive, answer.status != .outsideZones else { return nil }
    self.init(name: answer.name, type: answer.type, status: answer.status)
  }
}

/// What collection needs: the resolver (shared cache) and the user's options.
public struct CollectionContext: Sendable {
  public var resolver: any Resolver
  public var options: AuditOptions

  public init(resolver: any Resolver, options: AuditOptions = AuditOptions()) {
    self.resolver = resolver
    self.options = options
  }
}

/// User-chosen audit settings.
public struct AuditOptions: Sendable {
  /// DKIM selectors to probe besides the discovered ones (`--selector`).
  public var selectors: [String] = []
  /// Probe the common selectors and those implied by the providers seen in SPF and MX.
  public var discoverSelectors = true
  /// The Public Suffix List for the RFC 7489 organizational domain (`--psl FILE`); by default the
  /// copy Debian's `publicsuffix` package installs, read once per process. `nil`: no PSL method.
  public var publicSuffixList: PublicSuffixList? = PublicSuffixList.installed

  public init(
    selectors: [String] = [], discoverSelectors: Bool = true,
    publicSuffixList: PublicSuffixList? = PublicSuffixList.installed
  ) {
    self.selectors = selectors
    self.discoverSelectors = discoverSelectors
    self.publicSuffixList = publicSuffixList
  }
}
