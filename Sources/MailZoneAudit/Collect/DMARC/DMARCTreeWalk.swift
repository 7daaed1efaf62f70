public import MailZoneDNS
public import MailZoneRecords

/// Where the DMARC Policy Record that applies to a domain was found (RFC 9989 §4.10.1).
public enum DMARCPolicySource: String, Sendable, Hashable, CaseIterable {
  /// `_dmarc.<domain>` itself: its `p` applies.
  case domain
  /// The organizational domain above the domain: its `sp` (or `np`) applies.
  case organizationalDomain = "organizational-domain"
  /// A public suffix domain's record (`psd=y`): its `sp` (or `np`) applies.
  case publicSuffixDomain = "public-suffix-domain"
}

/// The RFC 9989 §4.10 DNS Tree Walk from one domain: every name asked, in order, and what was there.
///
/// RFC 9989 §4.10: "If x < 8, remove the left-most (highest-numbered) label from the subject domain.
/// If x >= 8, remove the left-most (highest-numbered) labels from the subject domain until 7 labels
/// remain." The walk runs to the top-level domain, so it asks at most eight questions, and stops
/// early only where a single DMARC record carries `psd=y` or `psd=n` (steps 2 and 6).
public struct DMARCTreeWalk: Sendable {
  /// RFC 9989 §4.10: no more than eight DNS queries, whatever the number of labels.
  public static let maxQueries = 8

  /// One name of the walk: the TXT answer at `_dmarc.<domain>` and its DMARC records.
  public struct Step: Sendable {
    /// The domain the record is for; the query went to `_dmarc.<domain>`.
    public var domain: DNSName
    public var lookup: TXTKindLookup<DMARCRecord>

    /// The DMARC record here when there is exactly one: RFC 9989 §4.10 steps 2 and 6 discard every
    /// record that does not start with `v=DMARC1`, and all of them when several remain.
    public var record: ParsedTXT<DMARCRecord>? { lookup.records.count == 1 ? lookup.records.first : nil }
    /// The record's `psd` tag as written (`nil` when absent or the record does not parse).
    public var publicSuffixFlag: DMARCPublicSuffix? { record?.record?.requestedPublicSuffix }
    /// Steps 2 and 6: a single record with `psd=y` or `psd=n` ends the walk.
    var stopsWalk: Bool { publicSuffixFlag == .yes || publicSuffixFlag == .no }
  }

  /// The domain the walk started from.
  public var start: DNSName
  /// Each name asked, longest first.
  public var steps: [Step]

  public init(start: DNSName, steps: [Step]) {
    self.start = start
    self.steps = steps
  }

  /// The names the walk asks about, in order, if no record stops it: the domain, then (for eight or
  /// more labels) its last seven labels, then one label fewer each time down to the top-level domain.
  public static func targets(from domain: DNSName) -> [DNSName] {
    var targets = [domain]
    var next: DNSName? = domain.labels.count >= maxQueries ? domain.suffix(maxQueries - 1) : domain.parent
    while let current = next, !current.isRoot {
      targets.append(current)
      next = current.parent
    }
    return targets
  }

  /// Walks from `domain`, one query at a time (a step decides whether there is a next one).
  static func walk(_ domain: DNSName, resolver: any Resolver) async -> DMARCTreeWalk {
    var steps: [Step] = []
    for target in targets(from: domain) {
      // A name too long to take the `_dmarc` label can hold no record.
      guard let name = try? target.prepending("_dmarc") else { continue }
      let lookup = await TXTKindLookup.collect(name, resolver: resolver, isKind: DMARCRecord.isDMARC) {
        (text: String) throws(RecordParseError) -> DMARCRecord in try DMARCRecord.parse(text)
      }
      let step = Step(domain: target, lookup: lookup)
      steps.append(step)
      if step.stopsWalk { break }
    }
    return DMARCTreeWalk(start: domain, steps: steps)
  }

  /// Steps where a single DMARC record was found, longest name first.
  public var found: [Step] { steps.filter { $0.record != nil } }

  /// The RFC 9989 §4.10.2 organizational domain, selected over the records found from the longest
  /// name to the shortest: a record with `psd=n` is the organizational domain; a record with `psd=y`
  /// (other than at the start) makes the name one label below it the organizational domain;
  /// otherwise the record with the fewest labels. Without any record, the start domain.
  public var organizationalDomain: DNSName {
    let found = found
    for step in found {
      if step.publicSuffixFlag == .no { return step.domain }
      if step.publicSuffixFlag == .yes, step.domain != start {
        return start.suffix(step.domain.labels.count + 1)
      }
    }
    return found.last?.domain ?? start
  }

  /// The record that applies to the start domain (RFC 9989 §4.10.1): the domain's own, else the
  /// organizational domain's, else the public suffix domain's (`psd=y`).
  public var policy: (step: Step, source: DMARCPolicySource)? {
    if let first = steps.first, first.domain == start, first.record != nil { return (first, .domain) }
    let organizational = organizationalDomain
    if organizational != start,
      let step = steps.first(where: { $0.domain == organizational && $0.record != nil })
    {
      return (step, .organizationalDomain)
    }
    if let step = steps.last(where: { $0.publicSuffixFlag == .yes && $0.domain != start }) {
      return (step, .publicSuffixDomain)
    }
    return nil
  }

  /// Queries of the walk that got no conclusive answer.
  public var failures: [QueryFailure] { steps.compactMap(\.lookup.failure) }
}
