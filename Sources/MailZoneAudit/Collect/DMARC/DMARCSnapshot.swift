public import MailZoneDNS
public import MailZoneRecords

/// The DMARC policy that applies to a domain, how it was found, and where its reports go.
///
/// Records are read under RFC 9989. The applicable record comes from the RFC 9989 §4.10 DNS Tree
/// Walk; the RFC 7489 §3.2 organizational domain from the Public Suffix List is kept beside it so
/// that a disagreement between the two methods can be reported. The facts of the audit JSON
/// `dmarc` object are in `DMARCSnapshot+Facts.swift`.
public struct DMARCSnapshot: Sendable {
  /// The tree walk from the domain; its first step is `_dmarc.<domain>`.
  public var walk: DMARCTreeWalk
  /// The applicable record as a receiver reads it (`nil` when no record applies).
  public var reading: DMARCReading?
  /// The RFC 7489 §3.2 organizational domain from the Public Suffix List; `nil` without a list, or
  /// when the domain is itself a public suffix.
  public var organizationalDomainPSL: DNSName?
  /// TXT at the domain itself (shared with SPF through the cache): DMARC records published at the
  /// apex instead of `_dmarc`, and whether the domain exists (RFC 8020, for RFC 9989 §4.10.1 `np`).
  public var apex: DNSAnswer<TXTData>
  /// TXT at a name beside `_dmarc` that should not exist, asked only when `_dmarc` holds TXT that
  /// is not DMARC: the same answer there means a wildcard synthesized it (RFC 4592).
  public var wildcardProbe: DNSAnswer<TXTData>?
  /// The `mailto:` report destinations of the applicable record, `rua` first, in record order.
  public var destinations: [DMARCReportDestination]

  /// The label asked beside `_dmarc` to tell a wildcard answer from a published one.
  public static let wildcardProbeLabel = "_mailzone-wildcard-probe"

  /// `_dmarc.<domain>` as answered, with its `v=DMARC1` records parsed (RFC 9989 semantics).
  public var direct: TXTKindLookup<DMARCRecord> {
    if let first = walk.steps.first, first.domain == walk.start { return first.lookup }
    let empty = DNSAnswer<TXTData>(name: walk.start, type: .txt, status: .noData, records: [])
    return TXTKindLookup(answer: empty, records: [])
  }

  public var failures: [QueryFailure] {
    walk.failures + [QueryFailure(apex), wildcardProbe.flatMap(QueryFailure.init)].compactMap { $0 }
      + destinations.flatMap(\.failures)
  }

  public init(
    walk: DMARCTreeWalk, reading: DMARCReading?, organizationalDomainPSL: DNSName?, apex: DNSAnswer<TXTData>,
    wildcardProbe: DNSAnswer<TXTData>?, destinations: [DMARCReportDestination]
  ) {
    self.walk = walk
    self.reading = reading
    self.organizationalDomainPSL = organizationalDomainPSL
    self.apex = apex
    self.wildcardProbe = wildcardProbe
    self.destinations = destinations
  }

  static func collect(_ domain: DNSName, context: CollectionContext) async -> DMARCSnapshot {
    let resolver = context.resolver
    // Asked in the domain's first batch: a cache read, not worth a task of its own.
    let apex = await resolver.txt(domain)
    let walk = await DMARCTreeWalk.walk(domain, resolver: resolver)
    let reading = walk.policy.flatMap { $0.step.record }.map { DMARCReading($0.text) }
    async let destinations = collectDestinations(walk: walk, reading: reading, resolver: resolver)
    async let probe = collectProbe(walk: walk, resolver: resolver)
    return DMARCSnapshot(
      walk: walk, reading: reading,
      organizationalDomainPSL: context.options.publicSuffixList?.organizationalDomain(of: domain),
      apex: apex, wildcardProbe: await probe, destinations: await destinations)
  }

  private static func collectDestinations(
    walk: DMARCTreeWalk, reading: DMARCReading?, resolver: any Resolver
  ) async -> [DMARCReportDestination] {
    guard let record = reading?.record, let policyDomain = walk.policy?.step.domain else { return [] }
    return await DMARCReportDestination.collect(
      record, policyDomain: policyDomain, organizationalDomain: walk.organizationalDomain, resolver: resolver)
  }

  private static func collectProbe(walk: DMARCTreeWalk, resolver: any Resolver) async -> DNSAnswer<TXTData>? {
    guard let first = walk.steps.first, first.domain == walk.start,
      first.lookup.answer.records.contains(where: { !DMARCRecord.isDMARC($0.text) }),
      let name = try? walk.start.prepending(wildcardProbeLabel)
    else { return nil }
    return await resolver.txt(name)
  }
}
