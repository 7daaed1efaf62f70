public import MailZoneDNS
public import MailZoneRecords

/// DKIM keys found at the probed selectors.
///
/// Selectors come from `--selector`, the common list and the providers that SPF and MX reveal.
/// Nothing is probed when `_domainkey.<domain>` is NXDOMAIN: RFC 8020 §2 says no name exists
/// below a non-existent one (an empty non-terminal, the usual `_domainkey`, answers NODATA).
public struct DKIMSnapshot: Sendable {
  /// How a selector came to be probed (AUDIT-JSON `found_by`). A selector both given and
  /// discovered is `given`; one both common and provider-implied is `common`.
  public enum Origin: String, Sendable, Hashable {
    case given, common, provider
  }

  /// One selector to probe, and why.
  public struct Probe: Sendable, Hashable {
    public var selector: String
    public var origin: Origin
    /// The provider whose SPF or MX names imply the selector, also when it is common or given.
    public var provider: String?
  }

  /// One selector's answer at `<selector>._domainkey.<domain>`.
  public struct Selector: Sendable {
    /// The selector, or `*` for what a `*._domainkey` wildcard answers at every selector.
    public var selector: String
    public var origin: Origin
    public var answer: DNSAnswer<TXTData>
    /// The key records there (`v=DKIM1…` or version-less records with key tags), parsed.
    public var keys: [ParsedTXT<DKIMKeyRecord>]
    public var isWildcard: Bool

    /// The selector is a CNAME to the key (the answer followed a chain).
    public var viaCNAME: Bool { !answer.cnameChain.isEmpty }
  }

  /// A label no one publishes a key under: a key there comes from a `*._domainkey` wildcard.
  static let wildcardProbe = "mailzone-wildcard-probe"

  /// `_domainkey.<domain>` as answered; NXDOMAIN or a failure means nothing was probed.
  public var domainKey: DNSAnswer<TXTData>
  /// Every selector probed, in probe order (empty when `_domainkey` is NXDOMAIN).
  public var probed: [Probe]
  /// Selectors that answered with at least one key record, in probe order; selectors a wildcard
  /// answered are folded into one `*` entry at the end.
  public var found: [Selector] {
    didSet { keys = DKIMSnapshot.keys(of: found) }
  }
  var queryFailures: [QueryFailure]
  /// Every key record found, one entry per record (the AUDIT-JSON `dkim` array, in order). Kept
  /// beside `found`: checks and the report ask for it many times per domain.
  public private(set) var keys: [DKIMKey]

  init(domainKey: DNSAnswer<TXTData>, probed: [Probe], found: [Selector], queryFailures: [QueryFailure]) {
    self.domainKey = domainKey
    self.probed = probed
    self.found = found
    self.queryFailures = queryFailures
    self.keys = DKIMSnapshot.keys(of: found)
  }

  public var failures: [QueryFailure] { queryFailures }

  /// RFC 8020: `_domainkey.<domain>` does not exist, so no selector below it can.
  public var skippedNoDomainKey: Bool { domainKey.status == .nxDomain }

  private static func keys(of found: [Selector]) -> [DKIMKey] {
    var keys: [DKIMKey] = []
    keys.reserveCapacity(found.reduce(0) { $0 + $1.keys.count })
    for selector in found {
      for parsed in selector.keys {
        keys.append(
          DKIMKey(
            selector: selector.selector, origin: selector.origin, owner: selector.answer.name,
            publisher: selector.answer.canonicalName, viaCNAME: selector.viaCNAME, isWildcard: selector.isWildcard,
            parsed: parsed))
      }
    }
    return keys
  }

  /// What DKIM discovery can ask before SPF and MX are known: `_domainkey.<domain>`, then the
  /// given and common selectors. Started beside SPF and MX, it keeps the selector probes off a
  /// bulk audit's critical path; only provider-implied selectors wait for the hints.
  struct EarlyProbes: Sendable {
    var domainKey: DNSAnswer<TXTData>
    var base: DNSName?
    /// The answers to the first `answers.count` probes of the full plan: `plan` lists the given
    /// and common selectors first, and provider hints only add to the end.
    var answers: [DNSAnswer<TXTData>?]
  }

  static func probeEarly(_ domain: DNSName, context: CollectionContext) async -> EarlyProbes {
    let resolver = context.resolver
    guard let base = try? domain.prepending("_domainkey") else {
      let empty = DNSAnswer<TXTData>(name: domain, type: .txt, status: .nxDomain, records: [])
      return EarlyProbes(domainKey: empty, base: nil, answers: [])
    }
    let domainKey = await resolver.txt(base)
    // NXDOMAIN: nothing below exists (RFC 8020). A failure (SERVFAIL, timeout, a lame
    // delegation) would repeat at every selector of the same zone: the audit is incomplete
    // either way, and one failed query says so without forty more.
    guard domainKey.status != .nxDomain, domainKey.status.isConclusive else {
      return EarlyProbes(domainKey: domainKey, base: base, answers: [])
    }
    let probes = plan(given: context.options.selectors, discover: context.options.discoverSelectors, hints: [])
    return EarlyProbes(domainKey: domainKey, base: base, answers: await probe(probes, base: base, resolver: resolver))
  }

  static func collect(
    _ domain: DNSName, spf: SPFSnapshot, mx: MXSnapshot, early: EarlyProbes, context: CollectionContext
  ) async -> DKIMSnapshot {
    let resolver = context.resolver
    let domainKey = early.domainKey
    var failures = [QueryFailure(domainKey)].compactMap { $0 }
    guard let base = early.base, domainKey.status != .nxDomain, domainKey.status.isConclusive else {
      return DKIMSnapshot(domainKey: domainKey, probed: [], found: [], queryFailures: failures)
    }
    var hints: [(selector: String, provider: String)] = []
    if context.options.discoverSelectors {
      hints = DKIMProvider.selectors(implied: await DKIMProviderHints.hosts(spf: spf, mx: mx, resolver: resolver))
    }
    let probes = plan(given: context.options.selectors, discover: context.options.discoverSelectors, hints: hints)
    let asked = min(early.answers.count, probes.count)
    let answers = early.answers.prefix(asked) + (await probe(probes.dropFirst(asked), base: base, resolver: resolver))
    var found: [Selector] = []
    for (probe, answer) in zip(probes, answers) {
      guard let answer else { continue }
      if let failure = QueryFailure(answer) { failures.append(failure) }
      if let selector = selector(probe.selector, probe.origin, answer) { found.append(selector) }
    }
    if looksWildcarded(found), let name = try? base.prepending(wildcardProbe) {
      let answer = await resolver.txt(name)
      failures += [QueryFailure(answer)].compactMap { $0 }
      found = fold(found, wildcard: answer)
    }
    return DKIMSnapshot(domainKey: domainKey, probed: probes, found: found, queryFailures: failures)
  }

  /// Given selectors first, then the common list, then provider-implied ones; each once
  /// (selectors are DNS labels, compared without case).
  static func plan(given: [String], discover: Bool, hints: [(selector: String, provider: String)]) -> [Probe] {
    var providers: [String: String] = [:]
    for hint in hints where providers[hint.selector.lowercased()] == nil {
      providers[hint.selector.lowercased()] = hint.provider
    }
    // The catalog is lower-case without repeats and has a set of its own, so a plan hashes only
    // the given and hinted selectors (usually none or a few), not the 31 common ones.
    var seen: Set<String> = []
    var probes: [Probe] = []
    probes.reserveCapacity(given.count + (discover ? DKIMSelectorCatalog.common.count + hints.count : 0))
    for selector in given where !selector.isEmpty {
      let key = selector.lowercased()
      if seen.insert(key).inserted {
        probes.append(Probe(selector: selector, origin: .given, provider: providers[key]))
      }
    }
    guard discover else { return probes }
    for selector in DKIMSelectorCatalog.common where seen.isEmpty || !seen.contains(selector) {
      probes.append(Probe(selector: selector, origin: .common, provider: providers.isEmpty ? nil : providers[selector]))
    }
    for hint in hints where !hint.selector.isEmpty {
      let key = hint.selector.lowercased()
      if !DKIMSelectorCatalog.commonSet.contains(key), seen.insert(key).inserted {
        probes.append(Probe(selector: hint.selector, origin: .provider, provider: providers[key]))
      }
    }
    return probes
  }

  /// Queries every selector as one batch; answers come back in probe order, `nil` for a
  /// selector that is not a valid label sequence (a bad `--selector`), which cannot be asked.
  /// The plan asks each name once and no other audit asks names below this domain's
  /// `_domainkey`, so the probes skip the cache (`once`): three quarters of a bulk run's questions.
  private static func probe(
    _ probes: some Collection<Probe>, base: DNSName, resolver: any Resolver
  ) async -> [DNSAnswer<TXTData>?] {
    let names = probes.map { try? base.prepending($0.selector) }
    var answers = (await resolver.txtAll(names.compactMap { $0 }, once: true)).makeIterator()
    return names.map { name in name.flatMap { _ in answers.next() } }
  }

  private static func selector(_ name: String, _ origin: Origin, _ answer: DNSAnswer<TXTData>) -> Selector? {
    let keys = answer.records.filter { RawTagList.isDKIMKeyCandidate($0.joined) }.map { txt in
      ParsedTXT(
        txt: txt, result: Result { () throws(RecordParseError) in try DKIMKeyRecord.parse(bytes: txt.joined) })
    }
    guard !keys.isEmpty else { return nil }
    return Selector(selector: name, origin: origin, answer: answer, keys: keys, isWildcard: false)
  }

  /// What a wildcard answers identically at every selector: the records, and the CNAME target
  /// when the wildcard is an alias.
  private struct Signature: Equatable {
    var records: [TXTData]
    var target: DNSName?

    init(_ answer: DNSAnswer<TXTData>) {
      records = answer.records
      target = answer.cnameChain.isEmpty ? nil : answer.canonicalName
    }
  }

  /// Two discovered selectors with the same answer: maybe a wildcard. A domain has a handful of
  /// keys, so comparing pairs is cheaper than hashing every key record.
  private static func looksWildcarded(_ found: [Selector]) -> Bool {
    let discovered = found.filter { $0.origin != .given }
    for (index, selector) in discovered.enumerated() {
      let signature = Signature(selector.answer)
      if discovered[..<index].contains(where: { Signature($0.answer) == signature }) { return true }
    }
    return false
  }

  /// Replaces the discovered selectors whose answer is the wildcard's by one `*` entry. Given
  /// selectors stay as asked.
  private static func fold(_ found: [Selector], wildcard: DNSAnswer<TXTData>) -> [Selector] {
    guard var entry = selector("*", .common, wildcard) else { return found }
    let signature = Signature(wildcard)
    let synthesized = { (selector: Selector) in selector.origin != .given && Signature(selector.answer) == signature }
    guard found.contains(where: synthesized) else { return found }
    entry.isWildcard = true
    // Reported at the wildcard's own name, not at the probe label.
    if let star = try? wildcard.name.parent?.prepending("*") { entry.answer.name = star }
    return found.filter { !synthesized($0) } + [entry]
  }
}
