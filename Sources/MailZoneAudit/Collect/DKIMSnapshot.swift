public import MailZoneDNS
public import MailZoneRecords

/// DKIM keys found at the probed selectors.
public struct DKIMSnapshot: Sendable {
  /// How a selector came to be probed.
  public enum Origin: String, Sendable, Hashable {
    case given, common, provider
  }

  /// One selector's answer at `<selector>._domainkey.<domain>`.
  public struct Selector: Sendable {
    public var selector: String
    public var origin: Origin
    public var answer: DNSAnswer<TXTData>
    /// The key records there (`v=DKIM1` or bare `p=` records), parsed.
    public var keys: [ParsedTXT<DKIMKeyRecord>]
  }

  /// Selectors that answered with at least one record, in probe order.
  public var found: [Selector]
  /// Every selector probed (found or not).
  public var probed: [String]
  var queryFailures: [QueryFailure]

  public var failures: [QueryFailure] { queryFailures }

  static func collect(
    _ domain: DNSName, spf: SPFSnapshot, mx: MXSnapshot, context: CollectionContext
  ) async -> DKIMSnapshot {
    let selectors = context.options.selectors.map { ($0, Origin.given) }
    var found: [Selector] = []
    var failures: [QueryFailure] = []
    for (selector, origin) in selectors {
      guard let name = try? DNSName(selector + "._domainkey." + domain.description) else { continue }
      let answer = await context.resolver.txt(name)
      if let failure = QueryFailure(answer) { failures.append(failure) }
      let keys = answer.records.map { txt in
        ParsedTXT(
          txt: txt, result: Result { () throws(RecordParseError) in try DKIMKeyRecord.parse(bytes: txt.joined) })
      }
      if !keys.isEmpty { found.append(Selector(selector: selector, origin: origin, answer: answer, keys: keys)) }
    }
    return DKIMSnapshot(found: found, probed: selectors.map(\.0), queryFailures: failures)
  }
}
