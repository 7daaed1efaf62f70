import MailZoneNet

/// RFC 3986 §3 absolute-URI recognition, for the report and location URIs of DMARC, TLS-RPT
/// and BIMI.
///
/// ```
/// URI          = scheme ":" hier-part [ "?" query ] [ "#" fragment ]
/// hier-part    = "//" authority path-abempty / path-absolute / path-rootless / path-empty
/// scheme       = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )
/// authority    = [ userinfo "@" ] host [ ":" port ]
/// host         = IP-literal / IPv4address / reg-name
/// pchar        = unreserved / pct-encoded / sub-delims / ":" / "@"
/// query        = *( pchar / "/" / "?" )      fragment = *( pchar / "/" / "?" )
/// ```
enum URIGrammar {
  /// Why a candidate is not a URI, as a lower-case phrase, or `nil` when it is one.
  static func problem(_ bytes: ArraySlice<UInt8>) -> String? {
    guard let colon = bytes.firstIndex(of: ASCII.colon) else { return "no scheme (expected scheme \":\")" }
    let scheme = bytes[bytes.startIndex..<colon]
    guard let first = scheme.first, ASCII.isAlpha(first),
      scheme.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == 0x2B || $0 == ASCII.hyphen || $0 == ASCII.dot })
    else { return "scheme must be a letter followed by letters, digits, '+', '-' or '.' (rfc 3986 §3.1)" }
    var rest = bytes[(colon + 1)...]
    let fragmentStart = rest.firstIndex(of: 0x23)
    if let fragmentStart {
      let fragment = rest[(fragmentStart + 1)...]
      if let bad = firstBad(fragment, extra: [ASCII.slash, 0x3F]) { return bad }
      rest = rest[..<fragmentStart]
    }
    if let queryStart = rest.firstIndex(of: 0x3F) {
      if let bad = firstBad(rest[(queryStart + 1)...], extra: [ASCII.slash, 0x3F]) { return bad }
      rest = rest[..<queryStart]
    }
    if rest.starts(with: [ASCII.slash, ASCII.slash]) {
      let authorityBytes = rest.dropFirst(2)
      let pathStart = authorityBytes.firstIndex(of: ASCII.slash) ?? authorityBytes.endIndex
      if let bad = authorityProblem(authorityBytes[..<pathStart]) { return bad }
      rest = authorityBytes[pathStart...]
    }
    return firstBad(rest, extra: [ASCII.slash])
  }

  /// The scheme, lower-cased (schemes are case-insensitive: RFC 3986 §3.1). Call after `problem`.
  static func scheme(_ bytes: ArraySlice<UInt8>) -> String {
    let end = bytes.firstIndex(of: ASCII.colon) ?? bytes.endIndex
    return ASCII.string(bytes[..<end]).lowercased()
  }

  /// The host of a `//authority` URI, lower-cased, or `nil`.
  static func host(_ bytes: ArraySlice<UInt8>) -> String? {
    guard let colon = bytes.firstIndex(of: ASCII.colon) else { return nil }
    let rest = bytes[(colon + 1)...]
    guard rest.starts(with: [ASCII.slash, ASCII.slash]) else { return nil }
    let authority = rest.dropFirst(2).prefix { $0 != ASCII.slash && $0 != 0x3F && $0 != 0x23 }
    let hostPort = authority.lastIndex(of: 0x40).map { authority[($0 + 1)...] } ?? authority
    if hostPort.first == 0x5B { return ASCII.string(hostPort.prefix { $0 != 0x5D }.dropFirst()).lowercased() }
    return ASCII.string(hostPort.prefix { $0 != ASCII.colon }).lowercased()
  }

  private static func authorityProblem(_ authority: ArraySlice<UInt8>) -> String? {
    var hostPort = authority
    if let at = authority.lastIndex(of: 0x40) {
      if let bad = firstBad(authority[..<at], extra: [ASCII.colon], pchar: false) { return bad }
      hostPort = authority[(at + 1)...]
    }
    var host = hostPort
    if hostPort.first == 0x5B {
      guard let close = hostPort.firstIndex(of: 0x5D) else { return "unclosed '[' in host" }
      guard IPv6Address.parse(hostPort[(hostPort.startIndex + 1)..<close]) != nil
      else { return "bracketed host is not an ipv6 address" }
      host = hostPort[...close]
      let after = hostPort[(close + 1)...]
      guard after.isEmpty || (after.first == ASCII.colon && after.dropFirst().allSatisfy(ASCII.isDigit))
      else { return "invalid port after ipv6 host" }
      return nil
    }
    if let colon = hostPort.lastIndex(of: ASCII.colon) {
      guard hostPort[(colon + 1)...].allSatisfy(ASCII.isDigit) else { return "port must be digits (rfc 3986 §3.2.3)" }
      host = hostPort[..<colon]
    }
    return firstBad(host, extra: [], pchar: false)
  }

  /// The first byte that is not unreserved / pct-encoded / sub-delims (plus ":" "@" when
  /// `pchar`, plus `extra`), described, or `nil`.
  private static func firstBad(_ bytes: ArraySlice<UInt8>, extra: [UInt8], pchar: Bool = true) -> String? {
    var index = bytes.startIndex
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == ASCII.percent {
        guard index + 2 < bytes.endIndex, ASCII.isHexDigit(bytes[index + 1]), ASCII.isHexDigit(bytes[index + 2])
        else { return "'%' must start a %hh escape (rfc 3986 §2.1)" }
        index += 3
        continue
      }
      let ok =
        ASCII.isAlphanumeric(byte) || "-._~!$&'()*+,;=".utf8.contains(byte) || extra.contains(byte)
        || (pchar && (byte == ASCII.colon || byte == 0x40))
      guard ok else { return "\(ASCII.describe(byte)) is not allowed in a uri (rfc 3986 §2)" }
      index += 1
    }
    return nil
  }
}
