import MailZoneDNS
import MailZoneRecords

// What the SPF checks share about the domain's own record: fixes written as ready-to-paste zone
// lines (rendered by `SPFRecord.rendered`, quoted by `TXTStrings`) and the size of the TXT answer.

extension SPFSnapshot {
  /// `acme.test TXT`.
  var subject: String { "\(tree.domain) TXT" }

  /// A zone line that publishes `record` at the domain (keeping the answer's TTL), or nil when
  /// the rendered record would not parse back.
  func fixLine(_ record: SPFRecord) -> String? {
    Self.fixLine(record, at: tree.domain, ttl: txt.ttl)
  }

  /// A zone line that publishes `record` at `owner`, or nil when it would not parse back.
  static func fixLine(_ record: SPFRecord, at owner: DNSName, ttl: UInt32? = nil) -> String? {
    let text = record.rendered
    guard (try? SPFRecord.parse(text)) != nil else { return nil }
    return "\(owner.absoluteText) \(ttl ?? 3600) IN TXT \(TXTStrings.presentation(text))"
  }

  /// The domain's record with the terms at `offsets` removed, as a zone line.
  func fix(removing offsets: Set<Int>) -> String? {
    guard let parsed, !offsets.isEmpty else { return nil }
    return fixLine(SPFRecord(terms: parsed.terms.filter { !offsets.contains($0.offset) }))
  }

  /// The domain's record with the term at `offset` replaced by `term`, as a zone line.
  func fix(replacing offset: Int, with term: SPFTerm) -> String? {
    guard let parsed, parsed.terms.contains(where: { $0.offset == offset }) else { return nil }
    return fixLine(SPFRecord(terms: parsed.terms.map { $0.offset == offset ? term : $0 }))
  }
}

extension SPFSnapshot {
  /// Bytes of the UDP reply to the domain's TXT query without EDNS: header, question, and each TXT
  /// record (compressed owner, fixed fields, length-prefixed strings). CNAME links are left out.
  var txtAnswerSize: Int {
    let question = tree.domain.wireLength + 4
    let records = txt.records.reduce(0) { total, record in
      total + 2 + 10 + record.strings.reduce(0) { $0 + 1 + $1.count }
    }
    return 12 + question + records
  }
}
