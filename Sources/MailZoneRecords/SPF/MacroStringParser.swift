/// Parses macro-strings and checks `domain-spec`'s `domain-end` (RFC 7208 §7.1, §12).
enum MacroStringParser {
  /// Parses `bytes` (offsets are the slice's own indices, so errors point into the whole record).
  static func parse(_ bytes: ArraySlice<UInt8>, context: MacroString.Context) throws(RecordParseError) -> MacroString {
    var parts: [MacroString.Part] = []
    var literal: [UInt8] = []
    var index = bytes.startIndex
    func flush() {
      if !literal.isEmpty { parts.append(.literal(ASCII.string(literal[...]))) }
      literal.removeAll()
    }
    while index < bytes.endIndex {
      let byte = bytes[index]
      guard byte == ASCII.percent else {
        // macro-literal = %x21-24 / %x26-7E; explain-string adds SP (RFC 7208 §7.1, §12).
        guard ASCII.isVisible(byte) || (byte == ASCII.space && context == .explanation) else {
          throw RecordParseError(
            .invalidCharacter, at: index,
            "\(ASCII.describe(byte)) is not allowed in a macro-string: only visible ascii (rfc 7208 §7.1)")
        }
        literal.append(byte)
        index += 1
        continue
      }
      guard index + 1 < bytes.endIndex else {
        throw RecordParseError(
          .invalidMacro, at: index, "'%' at the end: write '%%' for a literal percent (rfc 7208 §7.1)")
      }
      switch bytes[index + 1] {
      case ASCII.percent:
        flush()
        parts.append(.percent)
        index += 2
      case ASCII.underscore:
        flush()
        parts.append(.space)
        index += 2
      case ASCII.hyphen:
        flush()
        parts.append(.urlSpace)
        index += 2
      case 0x7B:
        flush()
        let (macro, end) = try parseMacro(bytes, at: index, context: context)
        parts.append(.macro(macro))
        index = end
      default:
        throw RecordParseError(
          .invalidMacro, at: index,
          "'%' must be followed by '{', '%', '_' or '-' (rfc 7208 §7.1); write '%%' for a literal percent")
      }
    }
    flush()
    return MacroString(parts: parts)
  }

  /// Parses `%{letter transformers *delimiter}` starting at the `%`; returns the macro and the
  /// index after `}`.
  private static func parseMacro(
    _ bytes: ArraySlice<UInt8>, at start: Int, context: MacroString.Context
  ) throws(RecordParseError) -> (MacroString.Macro, Int) {
    var index = start + 2
    guard index < bytes.endIndex else {
      throw RecordParseError(.invalidMacro, at: start, "unterminated macro: expected a letter and '}' (rfc 7208 §7.1)")
    }
    let letterByte = bytes[index]
    guard let letter = MacroString.Letter(rawValue: Character(UnicodeScalar(ASCII.lowercased(letterByte)))) else {
      throw RecordParseError(
        .invalidMacro, at: index,
        "unknown macro letter \(ASCII.describe(letterByte)): expected one of s l o d i p h c r t v (rfc 7208 §7.2)")
    }
    // RFC 7208 §7.1: "The following macro letters are allowed only in "exp" text: c, r, t".
    if letter.isExplanationOnly, context != .explanation {
      throw RecordParseError(
        .macroLetterNotAllowed, at: index,
        "macro letter '\(letter.rawValue)' is allowed only in explanation text, not in a domain-spec (rfc 7208 §7.1)")
    }
    index += 1
    let digitStart = index
    while index < bytes.endIndex, ASCII.isDigit(bytes[index]) { index += 1 }
    var rightmost: Int?
    if index > digitStart {
      let value = ASCII.number(bytes[digitStart..<index], limit: UInt64.max) ?? UInt64.max
      // RFC 7208 §7.3: "If a DIGIT is specified, the value MUST be nonzero."
      guard value != 0 else {
        throw RecordParseError(.invalidMacro, at: digitStart, "the digit transformer must be nonzero (rfc 7208 §7.3)")
      }
      rightmost = Int(min(value, 255))
    }
    var reversed = false
    if index < bytes.endIndex, ASCII.lowercased(bytes[index]) == 0x72 {
      reversed = true
      index += 1
    }
    var delimiters: [Character] = []
    while index < bytes.endIndex, bytes[index] != 0x7D {
      let byte = bytes[index]
      guard ".-+,/_=".utf8.contains(byte) else {
        throw RecordParseError(
          .invalidMacro, at: index,
          "\(ASCII.describe(byte)) is not a macro delimiter: expected one of . - + , / _ = then '}' (rfc 7208 §7.1)")
      }
      delimiters.append(Character(UnicodeScalar(byte)))
      index += 1
    }
    guard index < bytes.endIndex else {
      throw RecordParseError(.invalidMacro, at: start, "unterminated macro: missing '}' (rfc 7208 §7.1)")
    }
    let macro = MacroString.Macro(
      letter: letter, urlEscaped: ASCII.isAlpha(letterByte) && letterByte < 0x61, rightmostParts: rightmost,
      reversed: reversed, delimiters: delimiters)
    return (macro, index + 1)
  }

  /// Parses a `domain-spec = macro-string domain-end` (RFC 7208 §7.1).
  static func parseDomainSpec(_ bytes: ArraySlice<UInt8>, term: String) throws(RecordParseError) -> MacroString {
    guard !bytes.isEmpty else {
      throw RecordParseError(
        .emptyValue, at: bytes.startIndex, "\(term) needs a domain-spec, which cannot be empty (rfc 7208 §7.1)")
    }
    let spec = try parse(bytes, context: .domainSpec)
    guard case .literal(let tail)? = spec.parts.last else { return spec }  // ends in a macro-expand
    guard hasTopLabelEnd(Array(tail.utf8)) else {
      throw RecordParseError(
        .invalidDomainSpec, at: bytes.startIndex,
        "domain-spec must end in '.' and a top label (letters, digits, inner '-'; not all digits) or a macro (rfc 7208 §7.1)"
      )
    }
    return spec
  }

  /// domain-end = "." toplabel [ "." ]; toplabel = ( *alphanum ALPHA *alphanum ) /
  /// ( 1*alphanum "-" *( alphanum / "-" ) alphanum ).
  private static func hasTopLabelEnd(_ tail: [UInt8]) -> Bool {
    var end = tail.count
    if end > 0, tail[end - 1] == ASCII.dot { end -= 1 }
    guard let dot = tail[..<end].lastIndex(of: ASCII.dot) else { return false }
    let label = tail[(dot + 1)..<end]
    guard let first = label.first, let last = label.last else { return false }
    if label.contains(ASCII.hyphen) {
      return ASCII.isAlphanumeric(first) && ASCII.isAlphanumeric(last)
        && label.allSatisfy { ASCII.isAlphanumeric($0) || $0 == ASCII.hyphen }
    }
    return label.allSatisfy(ASCII.isAlphanumeric) && label.contains(where: ASCII.isAlpha)
  }
}
