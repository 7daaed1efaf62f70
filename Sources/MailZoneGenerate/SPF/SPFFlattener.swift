public import MailZoneDNS
import MailZoneNet
import MailZoneRecords

/// Flattens a domain's SPF tree into ip4/ip6 terms, keeping live what must or should stay live,
/// within a lookup and a size budget.
public struct SPFFlattener: Sendable {
  /// The budgets and choices of one run.
  public struct Options: Sendable, Hashable {
    /// RFC 7208 §4.6.4's 10 by default.
    public var maxLookups = 10
    /// Bytes of SPF text per record (450 keeps a reply with other TXT records under 512 bytes).
    public var maxBytes = 450
    /// Chain record names, `N` standing for 1, 2, ...
    public var chainPattern = "_spfN"
    /// Include targets to keep live whatever they cost.
    public var keep: Set<String> = []
    public var ttl: UInt32 = 3600
    public init() {}
  }

  /// Include targets known to rotate their addresses: flattening them goes stale soonest.
  public static let rotatingProviders = [
    "_spf.google.com", "spf.protection.outlook.com", "amazonses.com", "sendgrid.net", "mailgun.org",
    "servers.mcsv.net", "spf.mandrillapp.com", "_spf.salesforce.com", "mail.zendesk.com", "spf.mtasv.net",
    "zoho.com", "zohomail.com", "hubspotemail.net", "_spf.mailjet.com",
  ]

  public let resolver: any Resolver
  public let options: Options

  public init(resolver: any Resolver, options: Options = Options()) {
    self.resolver = resolver
    self.options = options
  }

  /// Resolves `domain`'s record and lays it out; the result still has to be proven.
  ///
  /// With `optionalLive`, includes are kept live while the budget allows; without, only those that
  /// must be (live terms in their tree) or were asked for (`keep`).
  public func flatten(_ domain: DNSName, optionalLive: Bool = true) async throws(SPFFlattenError) -> SPFFlattening {
    let source = SPFSegmentResolver(resolver: resolver)
    let record = try await source.record(domain)
    let segments = try await source.segments(of: record, at: domain, visiting: [domain])
    let modifiers = record.terms.filter { term in
      guard let modifier = term.modifier else { return false }
      if case .redirect = modifier { return false }
      return true
    }
    var live = Set(segments.indices.filter { segments[$0].isForcedLive || isKept(segments[$0]) })
    var layout = layOut(domain, segments, live: live, modifiers: modifiers)
    for index in optionalLive ? preferredLive(segments, excluding: live) : [] {
      let trial = layOut(domain, segments, live: live.union([index]), modifiers: modifiers)
      if trial.records != nil, trial.lookups <= options.maxLookups {
        live.insert(index)
        layout = trial
      }
    }
    var misfit: String?
    if layout.records == nil {
      misfit =
        "the terms that cannot move into a chain (live terms, non-pass networks) exceed \(options.maxBytes) bytes"
    } else if layout.lookups > options.maxLookups {
      misfit = "the live terms cost \(layout.lookups) lookups, over the \(options.maxLookups) allowed"
    }
    return SPFFlattening(
      domain: domain, original: record, segments: segments, live: live, records: layout.records ?? [],
      lookupsBefore: segments.map(\.cost).reduce(0, +), lookupsAfter: layout.lookups, options: options,
      misfit: misfit)
  }

  func isKept(_ segment: SPFSegment) -> Bool {
    guard let target = segment.includeTarget else { return false }
    return options.keep.contains { SPFFlattener.keepKey($0) == SPFFlattener.keepKey(target) }
  }

  /// `--keep` accepts `_spf.example.com`, `include:_spf.example.com` or `_spf.example.com.`.
  static func keepKey(_ text: String) -> String {
    var key = text.lowercased()
    if key.hasPrefix("include:") { key.removeFirst("include:".count) }
    if key.hasSuffix(".") { key.removeLast() }
    return key
  }

  /// Optional live candidates, most worth keeping live first: rotating providers, then the largest.
  private func preferredLive(_ segments: [SPFSegment], excluding live: Set<Int>) -> [Int] {
    let candidates = segments.indices.filter { segments[$0].canStayLive && !live.contains($0) }
    func rotates(_ index: Int) -> Bool {
      guard let target = segments[index].includeTarget?.lowercased() else { return false }
      return Self.rotatingProviders.contains { target == $0 || target.hasSuffix("." + $0) }
    }
    func size(_ index: Int) -> Int { segments[index].addresses?.networks.count ?? 0 }
    return candidates.sorted { lhs, rhs in
      rotates(lhs) != rotates(rhs) ? rotates(lhs) : (size(lhs) != size(rhs) ? size(lhs) > size(rhs) : lhs < rhs)
    }
  }

  private func layOut(_ domain: DNSName, _ segments: [SPFSegment], live: Set<Int>, modifiers: [SPFTerm])
    -> (records: [SPFRecordLayout.Record]?, lookups: Int)
  {
    let items = SPFRecordLayout.items(segments, live: live, modifiers: modifiers)
    let records = SPFRecordLayout.records(
      items, domain: domain, maxBytes: options.maxBytes, chain: options.chainPattern)
    // Terms after `all` are never evaluated, and the layout drops them.
    let end = segments.firstIndex { $0.term.mechanism == .all } ?? segments.count
    let liveCost = live.filter { $0 < end }.map { segments[$0].cost }.reduce(0, +)
    return (records, liveCost + max(0, (records?.count ?? 1) - 1))
  }
}
