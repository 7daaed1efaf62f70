public import MailZoneDNS

/// One line of a domain list, read and judged: a name to audit, a line to skip, or a line that
/// names no domain (reported as an `input.malformed-domain` finding, never fatal).
public struct DomainInputLine: Sendable, Equatable {
  public enum Content: Sendable, Equatable {
    /// Blank, or only a `#` comment.
    case empty
    /// A domain, as A-labels, lower-cased, without the final dot.
    case name(DNSName)
    /// The field that is not a domain name, and why.
    case malformed(field: String, reason: String)
  }

  /// 1-based line number in its source.
  public var line: Int
  public var content: Content

  public init(line: Int, content: Content) {
    self.line = line
    self.content = content
  }
}

/// Turns a line of a domain list into a domain name.
///
/// Accepted: one name a line; `#` starts a comment; CSV, where the first column is the name
/// (double-quoted fields too; a first line like `domain,owner` is taken as a header); a UTF-8 BOM, CRLF, surrounding spaces, a final dot, any case;
/// IDNs, converted to A-labels (`bücher.example` → `xn--bcher-kva.example`). Rejected with a
/// reason: e-mail addresses, URLs, IP addresses, spaces or characters other than letters, digits,
/// `-` and `_` in a label, and names over the RFC 1035 limits.
public enum DomainInput {
  /// Parses one raw line (without its `\n`).
  public static func parse(line: Int, text: some StringProtocol) -> DomainInputLine {
    let field = firstField(String(text))
    guard !field.isEmpty else { return DomainInputLine(line: line, content: .empty) }
    // A CSV header ("domain,owner"): a first line whose first column is one label.
    if line == 1, text.contains(","), !field.contains(".") { return DomainInputLine(line: line, content: .empty) }
    switch name(field) {
    case .success(let name): return DomainInputLine(line: line, content: .name(name))
    case .failure(let reason):
      return DomainInputLine(line: line, content: .malformed(field: field, reason: reason.text))
    }
  }

  /// Why a field is not a domain name.
  public struct Rejection: Error, Sendable, Equatable {
    public var text: String
  }

  /// The domain name `field` spells, as A-labels, or why it spells none.
  public static func name(_ field: String) -> Result<DNSName, Rejection> {
    if field.contains("://") {
      return .failure(Rejection(text: "a URL, not a domain name: give only its host"))
    }
    if let at = field.lastIndex(of: "@") {
      let host = field[field.index(after: at)...]
      return .failure(Rejection(text: "an e-mail address, not a domain name: give the part after '@' ('\(host)')"))
    }
    if field.contains(where: { $0 == " " || $0 == "\t" }) {
      return .failure(Rejection(text: "contains a space"))
    }
    var text = field
    if text.count > 1, text.hasSuffix(".") { text.removeLast() }
    if isIPv4Literal(text) || text.contains(":") {
      return .failure(Rejection(text: "an IP address, not a domain name"))
    }
    let ascii: String
    do {
      ascii = try IDNA.toASCII(text)
    } catch {
      return .failure(Rejection(text: error.description))
    }
    for label in ascii.split(separator: ".") {
      if let bad = label.unicodeScalars.first(where: { !isNameCharacter($0) }) {
        return .failure(Rejection(text: "label '\(label)' contains '\(bad.escaped(asASCII: true))'"))
      }
      if label.hasPrefix("-") || label.hasSuffix("-") {
        return .failure(Rejection(text: "label '\(label)' starts or ends with '-' (RFC 952, RFC 1123 §2.1)"))
      }
    }
    do {
      let name = try DNSName(ascii)
      guard !name.isRoot else { return .failure(Rejection(text: "the root is not a domain to audit")) }
      return .success(name)
    } catch {
      return .failure(Rejection(text: error.description))
    }
  }

  /// The first CSV field of the line, comment and BOM removed, trimmed; quotes undone.
  static func firstField(_ raw: String) -> String {
    var line = Substring(raw)
    if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
    if line.hasSuffix("\r") { line = line.dropLast() }
    line = trimmed(line)
    if line.hasPrefix("\"") {
      // A quoted field: "" is a quote; the field ends at the closing quote.
      var field = ""
      var rest = line.dropFirst()
      while let quote = rest.firstIndex(of: "\"") {
        field += rest[..<quote]
        rest = rest[rest.index(after: quote)...]
        guard rest.hasPrefix("\"") else { return String(trimmed(Substring(field))) }
        field += "\""
        rest = rest.dropFirst()
      }
      return String(trimmed(Substring(field + rest)))
    }
    if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
    if let comma = line.firstIndex(of: ",") { line = line[..<comma] }
    return String(trimmed(line))
  }

  private static func trimmed(_ text: Substring) -> Substring {
    var text = text
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return text
  }

  private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "0"..."9", "-", "_": return true
    default: return false
    }
  }

  private static func isIPv4Literal(_ text: String) -> Bool {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts.allSatisfy { !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) }
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
