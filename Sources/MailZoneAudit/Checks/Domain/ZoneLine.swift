import MailZoneDNS
import MailZoneRecords

/// Ready-to-paste zone lines for `fix`: absolute owner names, an explicit TTL and class.
enum ZoneLine {
  /// The TTL written in fixes: an hour, short enough to correct a mistake quickly.
  static let ttl = 3600

  /// `owner. 3600 IN TXT "..."`, the value quoted and split into ≤255-byte strings.
  static func txt(_ owner: DNSName, _ value: String) -> String {
    "\(owner.absoluteText) \(ttl) IN TXT \(TXTStrings.presentation(value))"
  }

  /// `owner. 3600 IN MX 0 .`: RFC 7505 §3, the domain accepts no mail.
  static func nullMX(_ owner: DNSName) -> String {
    "\(owner.absoluteText) \(ttl) IN MX 0 ."
  }
}
