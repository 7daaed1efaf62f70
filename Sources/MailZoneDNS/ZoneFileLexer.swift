/// Splits BIND master-file text (RFC 1035 §5.1) into logical records, and reports the faults
/// that ldns 1.8.3 accepts silently (LDNS-NOTES.md): an unterminated quote, a missing `)`,
/// a bad `$TTL`, an unknown `$` directive, and relative names with no origin.
struct ZoneFileLexer {
  struct Token {
    var text: [UInt8]
    var quoted: Bool
    var line: Int
    var column: Int
    var string: String { String(decoding: text, as: UTF8.self) }
  }

  /// One logical record or directive; `tokens` excludes comments and parentheses.
  struct Entry {
    var line: Int
    var ownerOmitted: Bool
    var tokens: [Token]
    /// The line the entry ends on (after a closing `)` on a later line).
    var endLine: Int = 0
  }

  private let bytes: [UInt8]
  private let file: String
  private var index = 0
  private var line = 1
  private var column = 1

  init(bytes: [UInt8], file: String) {
    self.bytes = bytes
    self.file = file
  }

  /// Every logical entry in order, or the first lexical fault.
  mutating func entries() throws(ZoneFileError) -> [Entry] {
    let scanned = scan()
    if let first = scanned.faults.first { throw first }
    return scanned.entries
  }

  /// Every logical entry and every lexical fault. After a fault the scan goes on: an unclosed
  /// quote ends at its line's end, a stray `)` is skipped; an unclosed `(` swallows the rest.
  mutating func scan() -> (entries: [Entry], faults: [ZoneFileError]) {
    var faults: [ZoneFileError] = []
    var entries: [Entry] = []
    var current: Entry?
    var depth = 0
    var openParen = (line: 0, column: 0)
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\n"):
        advance()
        if depth == 0, var entry = current {
          entry.endLine = line - 1
          entries.append(entry)
          current = nil
        }
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
        if current == nil, depth == 0, column == 1 {
          current = Entry(line: line, ownerOmitted: true, tokens: [])
        }
        advance()
      case UInt8(ascii: ";"):
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { advance() }
      case UInt8(ascii: "("):
        if depth == 0 { openParen = (line, column) }
        if current == nil { current = Entry(line: line, ownerOmitted: false, tokens: []) }
        depth += 1
        advance()
      case UInt8(ascii: ")"):
        if depth > 0 {
          depth -= 1
        } else {
          faults.append(
            ZoneFileError(
              file: file, line: line, column: column, rule: .unbalancedParenthesis,
              message: "')' without a matching '('"))
        }
        advance()
      default:
        let startsLine = column == 1 && depth == 0
        let token = byte == UInt8(ascii: "\"") ? quotedToken(&faults) : plainToken()
        if current == nil { current = Entry(line: token.line, ownerOmitted: !startsLine, tokens: []) }
        current?.tokens.append(token)
      }
    }
    if depth > 0 {
      faults.append(
        ZoneFileError(
          file: file, line: openParen.line, column: openParen.column, rule: .unbalancedParenthesis,
          message: "'(' is never closed: a missing ')' makes the rest of the file part of this record"))
    }
    if var entry = current {
      entry.endLine = line
      entries.append(entry)
    }
    return (entries.filter { !$0.tokens.isEmpty }, faults)
  }

  private mutating func advance() {
    if bytes[index] == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else {
      column += 1
    }
    index += 1
  }

  private mutating func plainToken() -> Token {
    var token = Token(text: [], quoted: false, line: line, column: column)
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
        || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(")
        || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "\"")
      {
        break
      }
      token.text.append(byte)
      advance()
      if byte == UInt8(ascii: "\\"), index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
        token.text.append(bytes[index])
        advance()
      }
    }
    return token
  }

  /// A `"..."` string; it must close on the line it opens (a newline inside is almost always a
  /// forgotten quote, which ldns would let swallow the following records).
  private mutating func quotedToken(_ faults: inout [ZoneFileError]) -> Token {
    var token = Token(text: [], quoted: true, line: line, column: column)
    advance()
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\"") {
        advance()
        return token
      }
      if byte == UInt8(ascii: "\n") { break }
      token.text.append(byte)
      advance()
      if byte == UInt8(ascii: "\\"), index < bytes.count, bytes[index] != UInt8(ascii: "\n") {
        token.text.append(bytes[index])
        advance()
      }
    }
    faults.append(
      ZoneFileError(
        file: file, line: token.line, column: token.column, rule: .unterminatedQuote,
        message: "quoted string is not closed on its line"))
    return token
  }
}
