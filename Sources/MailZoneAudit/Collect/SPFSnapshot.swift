public import MailZoneDNS
import MailZoneRecords

/// The SPF side of a domain: its TXT answer, the selected record, the retired type 99.
public struct SPFSnapshot: Sendable {
  /// TXT at the domain, as answered.
  public var txt: DNSAnswer<TXTData>
  /// RFC 7208 record selection over `txt`.
  public var lookup: SPFRecordLookup
  /// Type 99 (SPF) records at the domain: published, they are useless (RFC 7208 §3.1).
  public var type99: DNSAnswer<TXTData>

  public var failures: [QueryFailure] { [QueryFailure(txt)].compactMap { $0 } }

  /// The `v=spf1` TXT records at the domain, each with its strings.
  public var records: [TXTData] { txt.records.filter { SPFRecord.isSPF(bytes: $0.joined) } }

  static func collect(_ domain: DNSName, context: CollectionContext) async -> SPFSnapshot {
    async let txt = context.resolver.txt(domain)
    async let type99 = context.resolver.lookup(domain, .spf).map { record -> TXTData? in
      if case .spf(let data) = record.data { data } else { nil }
    }
    let answer = await txt
    return SPFSnapshot(txt: answer, lookup: SPFRecordSource.select(answer), type99: await type99)
  }
}
