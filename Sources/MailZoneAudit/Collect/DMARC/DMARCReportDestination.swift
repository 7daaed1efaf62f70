public import MailZoneDNS
public import MailZoneNet
public import MailZoneRecords

/// One `mailto:` report destination of the applicable record: where reports go, whether the
/// destination domain agreed to take them (external ones), and whether it can receive mail.
public struct DMARCReportDestination: Sendable {
  /// Which tag listed the URI.
  public enum Kind: String, Sendable, Hashable {
    /// `rua`: aggregate reports.
    case aggregate = "rua"
    /// `ruf`: failure reports.
    case failure = "ruf"
  }

  public var kind: Kind
  public var uri: DMARCReportURI
  /// The domain of the mailbox, lower-cased.
  public var domain: DNSName
  /// The destination lies outside the organizational domain of the domain publishing the policy,
  /// so receivers first check that it agreed (RFC 7489 §7.1).
  public var isExternal: Bool
  /// `<policy domain>._report._dmarc.<destination>`, asked for external destinations.
  public var authorizationName: DNSName?
  public var authorization: DNSAnswer<TXTData>?
  /// MX of the destination domain and, when it has none, its addresses (RFC 5321 §5.1).
  public var mx: DNSAnswer<MXData>
  public var a: DNSAnswer<IPv4Address>?
  public var aaaa: DNSAnswer<IPv6Address>?

  /// RFC 7489 §7.1 steps 5-7: at least one TXT record there starts with `v=DMARC1`. `nil` for an
  /// internal destination, and when the question got no conclusive answer.
  public var authorized: Bool? {
    guard isExternal, let authorization, authorization.status.isConclusive else { return nil }
    return authorization.records.contains { DMARCRecord.isDMARC($0.text) }
  }

  /// Mail to the domain can be delivered: a non-null MX, or no MX and an address. `nil` when a
  /// question got no conclusive answer.
  public var acceptsMail: Bool? {
    if mx.records.contains(where: { !$0.isNullMX }) { return true }
    if !mx.records.isEmpty { return false }  // RFC 7505 null MX: no mail at all
    guard mx.status.isConclusive, let a, let aaaa else { return nil }
    if !a.records.isEmpty || !aaaa.records.isEmpty { return true }
    return a.status.isConclusive && aaaa.status.isConclusive ? false : nil
  }

  var failures: [QueryFailure] {
    [
      authorization.flatMap(QueryFailure.init), QueryFailure(mx), a.flatMap(QueryFailure.init),
      aaaa.flatMap(QueryFailure.init),
    ].compactMap { $0 }
  }

  /// The domain of a `mailto:` URI (`mailto:d@example.com?subject=x` gives `example.com`), or `nil`
  /// for other schemes, address literals and names that are not domain names.
  public static func mailDomain(of uri: DMARCReportURI) -> DNSName? {
    guard uri.scheme == "mailto" else { return nil }
    let address = uri.uri.dropFirst("mailto:".count).prefix { $0 != "?" }
    guard let at = address.lastIndex(of: "@") else { return nil }
    let host = percentDecoded(address[address.index(after: at)...])
    guard !host.isEmpty, !host.hasPrefix("["), let name = try? DNSName(host) else { return nil }
    return name.lowercased
  }

  /// RFC 3986 §2.1 percent-decoding of a host (a `%` not followed by two hex digits stays).
  private static func percentDecoded(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var index = 0
    while index < utf8.count {
      if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
        let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
        index += 3
      } else {
        bytes.append(utf8[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Collects every `mailto:` destination of `record`, the questions in parallel.
  static func collect(
    _ record: DMARCRecord, policyDomain: DNSName, organizationalDomain: DNSName, resolver: any Resolver
  ) async -> [DMARCReportDestination] {
    let uris =
      record.aggregateReportURIs.map { (Kind.aggregate, $0) } + record.failureReportURIs.map { (Kind.failure, $0) }
    return await withTaskGroup(of: (Int, DMARCReportDestination?).self) { group in
      for (index, (kind, uri)) in uris.enumerated() {
        group.addTask {
          guard let domain = mailDomain(of: uri) else { return (index, nil) }
          let external = !domain.isSubdomain(of: organizationalDomain)
          return (
            index,
            await collect(
              kind, uri, domain: domain, external: external, policyDomain: policyDomain, resolver: resolver)
          )
        }
      }
      var collected: [(Int, DMARCReportDestination?)] = []
      for await item in group { collected.append(item) }
      return collected.sorted { $0.0 < $1.0 }.compactMap(\.1)
    }
  }

  private static func collect(
    _ kind: Kind, _ uri: DMARCReportURI, domain: DNSName, external: Bool, policyDomain: DNSName,
    resolver: any Resolver
  ) async -> DMARCReportDestination {
    // RFC 7489 §7.1 steps 1-3: the destination host, `_report._dmarc`, the policy's domain in front.
    let labels = policyDomain.labels + [Array("_report".utf8), Array("_dmarc".utf8)] + domain.labels
    let name = external ? try? DNSName(labels: labels) : nil
    async let authorization = authorizationAnswer(at: name, resolver: resolver)
    let mx = await resolver.mx(domain)
    var a: DNSAnswer<IPv4Address>?
    var aaaa: DNSAnswer<IPv6Address>?
    if mx.records.isEmpty, mx.status.isConclusive {
      async let v4 = resolver.a(domain)
      async let v6 = resolver.aaaa(domain)
      (a, aaaa) = await (v4, v6)
    }
    return DMARCReportDestination(
      kind: kind, uri: uri, domain: domain, isExternal: external, authorizationName: name,
      authorization: await authorization, mx: mx, a: a, aaaa: aaaa)
  }

  private static func authorizationAnswer(at name: DNSName?, resolver: any Resolver) async -> DNSAnswer<TXTData>? {
    guard let name else { return nil }
    return await resolver.txt(name)
  }
}
