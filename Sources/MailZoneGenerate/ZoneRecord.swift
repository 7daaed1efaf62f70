public import MailZoneDNS
import MailZoneRecords

/// One record to publish, as generators and fixes produce it, in the output flavours users
/// paste: BIND zone lines, JSON objects, octoDNS YAML.
public struct ZoneRecord: Sendable, Hashable {
  public var name: DNSName
  public var type: RRType
  public var ttl: UInt32
  /// The value: for TXT the joined text (split into ≤255-byte strings when rendered), for other
  /// types the presentation form (`10 mx.example.com.`).
  public var value: String
  /// A comment rendered above the record (`; resolves spf.lookup-limit`).
  public var comment: String?

  public init(name: DNSName, type: RRType, ttl: UInt32 = 3600, value: String, comment: String? = nil) {
    self.name = name
    self.type = type
    self.ttl = ttl
    self.value = value
    self.comment = comment
  }

  /// The rdata as a zone file writes it; TXT goes through the one ≤255-byte splitter.
  public var presentationValue: String {
    type == .txt || type == .spf ? TXTStrings.presentation(value) : value
  }

  /// `name. TTL IN TYPE value`, with the comment on the line above.
  public var bindLine: String {
    let line = "\(name.absoluteText) \(ttl) IN \(type) \(presentationValue)"
    guard let comment else { return line }
    return comment.split(separator: "\n").map { "; " + $0 }.joined(separator: "\n") + "\n" + line
  }
}
