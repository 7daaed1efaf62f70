import MailZoneDNS
public import MailZoneRecords

/// The TXT policy records beside the domain: MTA-STS, TLS-RPT and BIMI.
public struct PolicyRecordsSnapshot: Sendable {
  /// `_mta-sts.<domain>` (RFC 8461 §3.1).
  public var mtaSTS: TXTKindLookup<MTASTSRecord>
  /// `_smtp._tls.<domain>` (RFC 8460 §3).
  public var tlsRPT: TXTKindLookup<TLSRPTRecord>
  /// `default._bimi.<domain>` (BIMI draft §4).
  public var bimi: TXTKindLookup<BIMIRecord>

  public var failures: [QueryFailure] { [mtaSTS.failure, tlsRPT.failure, bimi.failure].compactMap { $0 } }

  static func collect(_ domain: DNSName, context: CollectionContext) async -> PolicyRecordsSnapshot {
    let resolver = context.resolver
    let names = ["_mta-sts", "_smtp._tls", "default._bimi"].map { try? domain.prepending($0) }
    guard let sts = names[0], let rpt = names[1], let bimi = names[2] else {
      // The domain is too long to take the prefixes: nothing can be published there.
      let empty = DNSAnswer<TXTData>(name: domain, type: .txt, status: .noData, records: [])
      return PolicyRecordsSnapshot(
        mtaSTS: TXTKindLookup(answer: empty, records: []), tlsRPT: TXTKindLookup(answer: empty, records: []),
        bimi: TXTKindLookup(answer: empty, records: []))
    }
    async let mtaSTS = TXTKindLookup.collect(sts, resolver: resolver, isKind: MTASTSRecord.isMTASTS) {
      (text: String) throws(RecordParseError) -> MTASTSRecord in try MTASTSRecord.parse(text)
    }
    async let tlsRPT = TXTKindLookup.collect(rpt, resolver: resolver, isKind: TLSRPTRecord.isTLSRPT) {
      (text: String) throws(RecordParseError) -> TLSRPTRecord in try TLSRPTRecord.parse(text)
    }
    async let bimiLookup = TXTKindLookup.collect(bimi, resolver: resolver, isKind: BIMIRecord.isBIMI) {
      (text: String) throws(RecordParseError) -> BIMIRecord in try BIMIRecord.parse(text)
    }
    return PolicyRecordsSnapshot(mtaSTS: await mtaSTS, tlsRPT: await tlsRPT, bimi: await bimiLookup)
  }
}
