public import MailZoneDNS
public import MailZoneRecords

/// A TXT record that claims to be of some kind (by its version tag), parsed or not.
public struct ParsedTXT<Record: Sendable>: Sendable {
  public var txt: TXTData
  public var result: Result<Record, RecordParseError>

  public var record: Record? { try? result.get() }
  public var error: RecordParseError? {
    if case .failure(let error) = result { error } else { nil }
  }
  public var text: String { txt.text }
}

/// The answer at one name for one TXT-based record kind (`_mta-sts`, `_smtp._tls`, `_bimi`, ...):
/// the query as answered, and every record of that kind in it, parsed.
public struct TXTKindLookup<Record: Sendable>: Sendable {
  public var answer: DNSAnswer<TXTData>
  public var records: [ParsedTXT<Record>]

  /// The one record when there is exactly one and it parses.
  public var only: Record? { records.count == 1 ? records.first?.record : nil }
  public var failure: QueryFailure? { QueryFailure(answer) }

  /// Looks up TXT at `name` and keeps the records `isKind` accepts, parsed with `parse`.
  static func collect(
    _ name: DNSName, resolver: any Resolver, isKind: (String) -> Bool,
    parse: (String) throws(RecordParseError) -> Record
  ) async -> TXTKindLookup {
    TXTKindLookup(reading: await resolver.txt(name), isKind: isKind, parse: parse)
  }
}

extension TXTKindLookup {
  /// The records of `answer` that `isKind` accepts, parsed with `parse`.
  init(
    reading answer: DNSAnswer<TXTData>, isKind: (String) -> Bool, parse: (String) throws(RecordParseError) -> Record
  ) {
    var records: [ParsedTXT<Record>] = []
    for txt in answer.records where isKind(txt.text) {
      let result: Result<Record, RecordParseError>
      do { result = .success(try parse(txt.text)) } catch { result = .failure(error) }
      records.append(ParsedTXT(txt: txt, result: result))
    }
    self.init(answer: answer, records: records)
  }
}
