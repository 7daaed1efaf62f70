public import MailZoneDNS

/// Reads a finding's `fix` text (ready-to-paste zone lines) back into records, with ldns.
public enum FixLines {
  /// The records in `text`, which holds absolute names, an explicit TTL and class on every line.
  /// Lines are parsed as a zone rooted at `.`, so any owner name is accepted.
  public static func parse(_ text: String) throws(ZoneFileError) -> [ResourceRecord] {
    let zone = try ZoneFile(text: "$ORIGIN .\n" + text + "\n", path: "fix", origin: .root)
    return zone.entries.map(\.record)
  }
}

extension ZoneRecord {
  /// The record as generators write it: TXT values joined, other types in presentation form.
  public init(_ record: ResourceRecord, comment: String? = nil) {
    let value: String
    switch record.data {
    case .txt(let txt), .spf(let txt): value = txt.text
    default: value = record.data.presentation
    }
    self.init(name: record.owner, type: record.type, ttl: record.ttl, value: value, comment: comment)
  }
}
