public import MailZoneDNS

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
