import MailZoneNet

/// Parses one mechanism (after its qualifier): RFC 7208 §5, §12.
enum SPFMechanismParser {
  static func parse(_ bytes: ArraySlice<UInt8>) throws(RecordParseError) -> SPFMechanism {
    let start = bytes.startIndex
    let nameEnd = bytes.firstIndex { $0 == ASCII.colon || $0 == ASCII.slash } ?? bytes.endIndex
    let name = bytes[start..<nameEnd]
    let rest = bytes[nameEnd...]
    guard let kind = Kind.allCases.first(where: { ASCII.equalsIgnoringCase(name, $0.rawValue) }) else {
      throw unknown(name, at: start)
    }
    switch kind {
    case .all:
      // all = "all" (§5.1): no argument, no CIDR.
      guard rest.isEmpty else {
        throw RecordParseError(
          .unexpectedArgument, at: nameEnd, "'all' takes no argument or prefix length (rfc 7208 §5.1)")
      }
      return .all
    case .include, .exists:
      let spec = try requiredDomainSpec(rest, name: kind.rawValue, section: kind == .include ? "5.2" : "5.7")
      return kind == .include ? .include(spec) : .exists(spec)
    case .a, .mx:
      let (head, cidr) = try splitDualCIDR(rest)
      let spec = try optionalDomainSpec(head, name: kind.rawValue, section: kind == .a ? "5.3" : "5.4")
      return kind == .a ? .a(spec, cidr) : .mx(spec, cidr)
    case .ptr:
      // ptr = "ptr" [ ":" domain-spec ] (§5.5): no CIDR.
      if rest.first == ASCII.slash {
        throw RecordParseError(.unexpectedArgument, at: nameEnd, "'ptr' takes no prefix length (rfc 7208 §5.5)")
      }
      return .ptr(try optionalDomainSpec(rest, name: "ptr", section: "5.5"))
    case .ip4, .ip6:
      return try parseNetwork(rest, ipv6: kind == .ip6, nameEnd: nameEnd)
    }
  }

  private enum Kind: String, CaseIterable {
    case all, include, a, mx, ptr, ip4, ip6, exists
  }

  private static func unknown(_ name: ArraySlice<UInt8>, at offset: Int) -> RecordParseError {
    let written = ASCII.string(name)
    let hint =
      ASCII.equalsIgnoringCase(name, "redirect") || ASCII.equalsIgnoringCase(name, "exp")
      ? ": '\(written)' is a modifier, written '\(written)=' (rfc 7208 §6)"
      : ": expected all, include, a, mx, ptr, ip4, ip6 or exists (rfc 7208 §5)"
    return RecordParseError(.unknownMechanism, at: offset, "unknown mechanism '\(written)'\(hint)")
  }

  /// `":" domain-spec`, required.
  private static func requiredDomainSpec(
    _ rest: ArraySlice<UInt8>, name: String, section: String
  ) throws(RecordParseError) -> MacroString {
    guard rest.first == ASCII.colon else {
      let code: RecordParseError.Code = rest.isEmpty ? .emptyValue : .unexpectedArgument
      throw RecordParseError(
        code, at: rest.startIndex, "'\(name)' needs ':' and a domain-spec, with no prefix length (rfc 7208 §\(section))"
      )
    }
    return try MacroStringParser.parseDomainSpec(rest.dropFirst(), term: "'\(name):'")
  }

  /// `[ ":" domain-spec ]`.
  private static func optionalDomainSpec(
    _ rest: ArraySlice<UInt8>, name: String, section: String
  ) throws(RecordParseError) -> MacroString? {
    guard let first = rest.first else { return nil }
    guard first == ASCII.colon else {
      throw RecordParseError(
        .unexpectedArgument, at: rest.startIndex,
        "unexpected text after '\(name)': expected ':' domain-spec or a prefix length (rfc 7208 §\(section))")
    }
    return try MacroStringParser.parseDomainSpec(rest.dropFirst(), term: "'\(name):'")
  }

  /// Splits a trailing `dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]` off
  /// `rest`. A domain-spec may itself hold `/` (`a:foo/bar.example.com`), so only a suffix of
  /// `/digits` and `//digits` counts; anything else stays in the domain-spec and is judged there.
  private static func splitDualCIDR(
    _ rest: ArraySlice<UInt8>
  ) throws(RecordParseError) -> (ArraySlice<UInt8>, SPFDualCIDR) {
    var end = rest.endIndex
    var cidr = SPFDualCIDR()
    if let (digitsStart, slashes) = trailingLength(rest[..<end]) {
      if slashes == 2 {
        cidr.ipv6 = try length(rest[digitsStart..<end], max: 128, at: digitsStart - 2)
        end = digitsStart - 2
        if let (v4Start, v4Slashes) = trailingLength(rest[..<end]), v4Slashes == 1 {
          cidr.ipv4 = try length(rest[v4Start..<end], max: 32, at: v4Start - 1)
          end = v4Start - 1
        }
      } else {
        cidr.ipv4 = try length(rest[digitsStart..<end], max: 32, at: digitsStart - 1)
        end = digitsStart - 1
      }
    }
    let head = rest[..<end]
    if head.first == ASCII.slash {
      throw RecordParseError(
        .invalidCIDRLength, at: head.startIndex, "malformed prefix length: expected /0-32 and //0-128 (rfc 7208 §5.6)")
    }
    return (head, cidr)
  }

  /// If `bytes` ends in `/DIGITS` or `//DIGITS`, the digits' start and the slash count.
  private static func trailingLength(_ bytes: ArraySlice<UInt8>) -> (Int, Int)? {
    var digitsStart = bytes.endIndex
    while digitsStart > bytes.startIndex, ASCII.isDigit(bytes[digitsStart - 1]) { digitsStart -= 1 }
    guard digitsStart < bytes.endIndex, digitsStart > bytes.startIndex, bytes[digitsStart - 1] == ASCII.slash else {
      return nil
    }
    let double = digitsStart - 2 >= bytes.startIndex && bytes[digitsStart - 2] == ASCII.slash
    return (digitsStart, double ? 2 : 1)
  }

  /// `"/" ("0" / %x31-39 0*1DIGIT)` or `0*2DIGIT`: no leading zero, at most `max` (§5.6).
  private static func length(_ digits: ArraySlice<UInt8>, max: UInt64, at offset: Int) throws(RecordParseError) -> Int {
    guard digits.count == 1 || digits.first != 0x30, let value = ASCII.number(digits, limit: max) else {
      let family = max == 32 ? "ipv4" : "ipv6"
      throw RecordParseError(
        .invalidCIDRLength, at: offset,
        "invalid \(family) prefix length '\(ASCII.string(digits))': expected 0-\(max) without leading zeros (rfc 7208 §5.6)"
      )
    }
    return Int(value)
  }

  /// `ip4 = "ip4" ":" ip4-network [ ip4-cidr-length ]`, `ip6` likewise (§5.6).
  private static func parseNetwork(
    _ rest: ArraySlice<UInt8>, ipv6: Bool, nameEnd: Int
  ) throws(RecordParseError) -> SPFMechanism {
    let name = ipv6 ? "ip6" : "ip4"
    guard rest.first == ASCII.colon else {
      throw RecordParseError(.emptyValue, at: nameEnd, "'\(name)' needs ':' and an address (rfc 7208 §5.6)")
    }
    let body = rest.dropFirst()
    let slash = body.firstIndex(of: ASCII.slash) ?? body.endIndex
    let network = body[..<slash]
    var prefix: Int?
    if slash < body.endIndex {
      let digits = body[(slash + 1)...]
      guard !digits.isEmpty, digits.allSatisfy(ASCII.isDigit) else {
        throw RecordParseError(
          .invalidCIDRLength, at: slash, "'\(name)' takes one prefix length, '/' and digits (rfc 7208 §5.6)")
      }
      prefix = try length(digits, max: ipv6 ? 128 : 32, at: slash)
    }
    if ipv6 {
      guard let address = IPv6Address.parse(network) else {
        throw RecordParseError(
          .invalidIPAddress, at: network.startIndex, "'\(ASCII.string(network))' is not an ipv6 address (rfc 4291 §2.2)"
        )
      }
      return .ip6(address, prefix: prefix)
    }
    guard let address = IPv4Address.parse(network) else {
      throw RecordParseError(
        .invalidIPAddress, at: network.startIndex,
        "'\(ASCII.string(network))' is not a dotted-quad ipv4 address: four numbers 0-255, no leading zeros, none omitted (rfc 7208 §5.6)"
      )
    }
    return .ip4(address, prefix: prefix)
  }
}
