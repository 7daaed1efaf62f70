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
    let names = prefixes.map { try? domain.prepending($0) }
    guard let sts = names[0], let rpt = names[1], let bimi = names[2] else {
      // The domain is too long to take the prefixes: nothing can be published there.
      return none(DNSAnswer(name: domain, type: .txt, status: .noData, records: []))
    }
    // One batch for the three names (the domain's first batch has usually asked them already).
    let answers = await resolver.txtAll([sts, rpt, bimi])
    // A resolver breaking `queryAll`'s one-answer-per-question contract.
    guard answers.count == 3 else {
      return none(DNSAnswer(name: sts, type: .txt, status: .error("no answer"), records: []))
    }
    let mtaSTS = TXTKindLookup(reading: answers[0], isKind: MTASTSRecord.isMTASTS) {
      (text: String) throws(RecordParseError) -> MTASTSRecord in try MTASTSRecord.parse(text)
    }
    let tlsRPT = TXTKindLookup(reading: answers[1], isKind: TLSRPTRecord.isTLSRPT) {
      (text: String) throws(RecordParseError) -> TLSRPTRecord in try TLSRPTRecord.parse(text)
    }
    let bimiLookup = TXTKindLookup(reading: answers[2], isKind: BIMIRecord.isBIMI) {
      (text: String) throws(RecordParseError) -> BIMIRecord in try BIMIRecord.parse(text)
    }
    return PolicyRecordsSnapshot(mtaSTS: mtaSTS, tlsRPT: tlsRPT, bimi: bimiLookup)
  }

  /// Where the three records live below the domain: MTA-STS, TLS-RPT, BIMI's default selector.
  static let prefixes = ["_mta-sts", "_smtp._tls", "default._bimi"]

  /// No record of any of the three kinds, all three answered by `answer`.
  private static func none(_ answer: DNSAnswer<TXTData>) -> PolicyRecordsSnapshot {
    PolicyRecordsSnapshot(
      mtaSTS: TXTKindLookup(answer: answer, records: []), tlsRPT: TXTKindLookup(answer: answer, records: []),
      bimi: TXTKindLookup(answer: answer, records: []))
  }
}
