import MailZoneDNS
import MailZoneRecords

/// Ready-to-paste zone lines for DMARC fixes, quoted by the records module's TXT splitter.
enum DMARCFix {
  /// The TTL of written records: an hour, short enough to correct a mistake the same day.
  static let ttl = 3600

  /// `_dmarc.example.com. 3600 IN TXT "v=DMARC1; p=reject; ..."`.
  static func line(_ owner: DNSName, _ record: DMARCRecord) -> String {
    line(owner, text: record.rendered)
  }

  /// A TXT line holding `text`, split into ≤255-byte character-strings.
  static func line(_ owner: DNSName, text: String) -> String {
    "\(owner.absoluteText) \(ttl) IN TXT \(TXTStrings.presentation(text))"
  }

  /// `_dmarc.<domain>`, or `nil` for a name too long to take the label.
  static func dmarcName(_ domain: DNSName) -> DNSName? { try? domain.prepending("_dmarc") }

  /// A starting record for a domain without one: monitoring, with aggregate reports to itself
  /// (RFC 9989 §5.1.4: Domain Owners "usually start with p=none").
  static func starter(for domain: DNSName) -> DMARCRecord {
    var record = DMARCRecord()
    record.requestedPolicy = DMARCPolicy.none
    record.aggregateReportURIs = [reportAddress(for: domain)]
    return record
  }

  /// `mailto:dmarc-reports@<domain>`: a mailbox inside the domain, which needs no authorization.
  static func reportAddress(for domain: DNSName) -> DMARCReportURI {
    DMARCReportURI(uri: "mailto:dmarc-reports@\(domain)")
  }

  /// `_dmarc.example.com TXT`, the subject of DMARC findings.
  static func subject(_ name: DNSName?, fallback domain: DNSName) -> String {
    "\(name ?? dmarcName(domain) ?? domain) TXT"
  }

  /// `none` < `quarantine` < `reject`.
  static func strength(_ policy: DMARCPolicy) -> Int {
    switch policy {
    case .none: 0
    case .quarantine: 1
    case .reject: 2
    }
  }

  /// The UTF-8 offset of the first occurrence of `needle` in `text`, if any.
  static func offset(of needle: String, in text: String) -> Int? {
    let haystack = Array(text.utf8)
    let target = Array(needle.utf8)
    guard !target.isEmpty, haystack.count >= target.count else { return nil }
    return (0...(haystack.count - target.count)).first { haystack[$0..<($0 + target.count)].elementsEqual(target) }
  }
}
