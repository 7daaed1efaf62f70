public import MailZoneNet

/// The inputs of `check_host(<ip>, <domain>, <sender>)` (RFC 7208 §4.1) and of its macros (§7.2).
public struct SPFCheckRequest: Sendable, Hashable {
  /// The SMTP client's address (`%{i}`); an IPv4-mapped IPv6 address is treated as IPv4.
  public var ip: IPAddress
  /// The MAIL FROM address; empty for a bounce, then `postmaster@<helo>` is used (§2.4).
  public var sender: String
  /// The HELO/EHLO name (`%{h}`).
  public var helo: String
  /// The domain to check; nil means the sender's domain (or the HELO name for an empty sender).
  public var domain: String?
  /// The receiving host's name (`%{r}`, explanations only).
  public var receiver: String
  /// Seconds since the epoch (`%{t}`, explanations only).
  public var timestamp: Int

  public init(
    ip: IPAddress, sender: String, helo: String, domain: String? = nil, receiver: String = "unknown",
    timestamp: Int = 0
  ) {
    self.ip = ip
    self.sender = sender
    self.helo = helo
    self.domain = domain
    self.receiver = receiver
    self.timestamp = timestamp
  }

  /// The sender as `check_host()` uses it: `postmaster@helo` when MAIL FROM is empty, and
  /// `postmaster@domain` when it has no local-part (§4.3).
  public var effectiveSender: (local: String, domain: String) {
    let address = sender.isEmpty ? "postmaster@" + helo : sender
    guard let at = address.lastIndex(of: "@") else { return ("postmaster", address) }
    let local = String(address[..<at])
    return (local.isEmpty ? "postmaster" : local, String(address[address.index(after: at)...]))
  }
}
