import MailZoneDNS
import MailZoneNet
import MailZoneRecords

/// Expands SPF macro-strings (RFC 7208 §7) for one `check_host()` call.
struct SPFMacroExpander {
  let request: SPFCheckRequest
  /// `%{d}`: the domain whose record is being evaluated.
  var domain: String
  /// `%{p}`: the validated domain name of the client, computed once when first needed.
  var validatedName: String?

  /// The expansion of `string`, with no domain-name truncation.
  func expand(_ string: MacroString) -> String {
    var out = ""
    for part in string.parts {
      switch part {
      case .literal(let text): out += text
      case .percent: out += "%"
      case .space: out += " "
      case .urlSpace: out += "%20"
      case .macro(let macro): out += expand(macro)
      }
    }
    return out
  }

  /// Expands a domain-spec and applies §7.3: a trailing dot is dropped, and a name over 253
  /// characters loses labels from the left until it fits.
  func expandDomain(_ string: MacroString) -> String {
    var name = expand(string)
    if name.hasSuffix(".") { name.removeLast() }
    while name.utf8.count > 253, let dot = name.firstIndex(of: ".") {
      name = String(name[name.index(after: dot)...])
    }
    return name
  }

  private func expand(_ macro: MacroString.Macro) -> String {
    var value = rawValue(macro.letter)
    // §7.3: split on the delimiters (default "."), optionally reverse, keep the rightmost N,
    // and join with ".".
    let delimiters = macro.delimiters.isEmpty ? ["."] : macro.delimiters
    var parts = value.split(omittingEmptySubsequences: false) { delimiters.contains($0) }.map(String.init)
    if macro.reversed { parts.reverse() }
    if let keep = macro.rightmostParts, keep < parts.count { parts = Array(parts.suffix(keep)) }
    value = parts.joined(separator: ".")
    return macro.urlEscaped ? SPFMacroExpander.urlEscape(value) : value
  }

  private func rawValue(_ letter: MacroString.Letter) -> String {
    let sender = request.effectiveSender
    switch letter {
    case .sender: return sender.local + "@" + sender.domain
    case .localPart: return sender.local
    case .senderDomain: return sender.domain
    case .domain: return domain
    case .ip: return SPFMacroExpander.dotted(request.ip.unmapped, uppercase: true)
    case .validatedDomain: return validatedName ?? "unknown"
    case .ipVersion: return request.ip.unmapped.isIPv6 ? "ip6" : "in-addr"
    case .helo: return request.helo
    case .readableIP: return request.ip.unmapped.description
    case .receiver: return request.receiver
    case .timestamp: return String(request.timestamp)
    }
  }

  /// `%{i}`: IPv4 dotted quad, IPv6 as 32 dot-separated nibbles (§7.3; the RFC's examples, and
  /// the test suite, write the nibbles in upper case).
  static func dotted(_ ip: IPAddress, uppercase: Bool = false) -> String {
    switch ip {
    case .v4(let v4): return v4.description
    case .v6(let v6):
      let digits = Array(uppercase ? "0123456789ABCDEF" : "0123456789abcdef")
      return v6.bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0x0F)]] }.map(String.init)
        .joined(separator: ".")
    }
  }

  /// RFC 3986 percent-encoding of everything but the unreserved characters (§7.3).
  static func urlEscape(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
      let unreserved =
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
        || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
        || byte == UInt8(ascii: "~")
      if unreserved {
        out.unicodeScalars.append(UnicodeScalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}
