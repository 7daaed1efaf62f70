public import MailZoneDNS
public import MailZoneRecords

/// The DMARC policy that applies to a domain and how it was found.
public struct DMARCSnapshot: Sendable {
  /// `_dmarc.<domain>` as answered, with its `v=DMARC1` records parsed (RFC 9989 semantics).
  public var direct: TXTKindLookup<DMARCRecord>

  public var failures: [QueryFailure] { [direct.failure].compactMap { $0 } }

  static func collect(_ domain: DNSName, context: CollectionContext) async -> DMARCSnapshot {
    guard let name = try? domain.prepending("_dmarc") else {
      let empty = DNSAnswer<TXTData>(name: domain, type: .txt, status: .noData, records: [])
      return DMARCSnapshot(direct: TXTKindLookup(answer: empty, records: []))
    }
    let direct = await TXTKindLookup.collect(name, resolver: context.resolver, isKind: DMARCRecord.isDMARC) {
      (text: String) throws(RecordParseError) -> DMARCRecord in try DMARCRecord.parse(text)
    }
    return DMARCSnapshot(direct: direct)
  }
}
