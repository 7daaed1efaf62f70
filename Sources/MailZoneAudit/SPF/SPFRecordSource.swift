public import MailZoneDNS
public import MailZoneRecords

/// How looking for a domain's SPF record ended (RFC 7208 §4.4, §4.5).
public enum SPFRecordLookup: Sendable, Hashable {
  /// Exactly one `v=spf1` TXT record, parsed.
  case found(SPFRecord, TXTData)
  /// No `v=spf1` record. `void` is true when the TXT query itself had no records (NXDOMAIN or
  /// NODATA): that counts as a void lookup when an include or redirect asked (§4.6.4).
  case none(void: Bool, status: DNSStatus)
  /// More than one `v=spf1` record: permerror (§4.5), with each record's text.
  case multiple([String])
  /// The one `v=spf1` record does not parse: permerror (§4.6).
  case malformed(RecordParseError, text: String)
  /// The TXT query failed (SERVFAIL, timeout, ...): temperror (§4.4).
  case dnsError(DNSStatus)
}

/// Fetches and selects SPF records; shared by `check_host()` and the static lookup tree.
public enum SPFRecordSource {
  /// Queries TXT at `domain` and applies record selection: type 99 is never asked (§3.1), records
  /// are the strings joined without spaces (§3.3), and only those starting `v=spf1` count (§4.5).
  public static func lookup(_ domain: DNSName, resolver: any Resolver) async -> SPFRecordLookup {
    let answer = await resolver.txt(domain)
    return select(answer)
  }

  /// Record selection over a TXT answer.
  public static func select(_ answer: DNSAnswer<TXTData>) -> SPFRecordLookup {
    switch answer.status {
    case .noError: break
    case .noData, .nxDomain: return .none(void: true, status: answer.status)
    default: return .dnsError(answer.status)
    }
    let spf = answer.records.filter { SPFRecord.isSPF(bytes: $0.joined) }
    guard let only = spf.first else { return .none(void: answer.records.isEmpty, status: answer.status) }
    guard spf.count == 1 else { return .multiple(spf.map(\.text)) }
    switch SPFParseCache.shared.parse(only.joined) {
    case .success(let record): return .found(record, only)
    case .failure(let error): return .malformed(error, text: only.text)
    }
  }
}
