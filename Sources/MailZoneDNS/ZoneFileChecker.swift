/// Directive, TTL and origin rules over the lexer's entries, and the type and line of each record.
struct ZoneFileChecker {
  /// What the checks learned about a file.
  struct Summary {
    /// Where each record starts and its type mnemonic, in file order (directives excluded).
    var records: [Spot] = []
    /// The first `$ORIGIN`, if any.
    var declaredOrigin: DNSName?
    /// Every rule broken, in file order.
    var faults: [ZoneFileError] = []
  }

  /// A record's place in the file: its first line and column, and the column its rdata starts at.
  struct Spot {
    var line: Int
    var type: String?
    var column: Int
    var rdataColumn: Int?
    /// The column of an explicit TTL, when the record has one.
    var ttlColumn: Int?
  }

  let file: String
  let origin: DNSName?

  /// Types whose rdata holds domain names, and the positions (0-based, within rdata) of those names.
  private static let nameFields: [String: [Int]] = [
    "CNAME": [0], "NS": [0], "PTR": [0], "DNAME": [0], "MX": [1], "SOA": [0, 1], "SRV": [3], "KX": [1],
    "RT": [1], "AFSDB": [1],
  ]
  private static let classes: Set<String> = ["IN", "CH", "CS", "HS"]

  /// The checks' results, throwing the first fault.
  func check(_ entries: [ZoneFileLexer.Entry]) throws(ZoneFileError) -> Summary {
    let summary = scan(entries)
    if let first = summary.faults.first { throw first }
    return summary
  }

  /// Every entry checked; faults are collected, not thrown, so a report can list them all.
  func scan(_ entries: [ZoneFileLexer.Entry]) -> Summary {
    var summary = Summary()
    var currentOrigin = origin
    for entry in entries {
      guard let first = entry.tokens.first else { continue }
      if !entry.ownerOmitted, first.text.first == UInt8(ascii: "$") {
        do throws(ZoneFileError) {
          try directive(entry, origin: &currentOrigin, summary: &summary)
        } catch {
          summary.faults.append(error)
        }
        continue
      }
      let type = recordType(entry)
      let afterOwner = entry.tokens.dropFirst(entry.ownerOmitted ? 0 : 1)
      let typeIndex = type.flatMap { type in afterOwner.firstIndex { !$0.quoted && $0.string.uppercased() == type } }
      let rdata = typeIndex.map { Array(entry.tokens[($0 + 1)...]) } ?? []
      summary.records.append(
        Spot(
          line: entry.line, type: type, column: first.column, rdataColumn: rdata.first?.column,
          ttlColumn: afterOwner.prefix { !$0.quoted && $0.string.uppercased() != type }
            .first { ZoneFileChecker.ttl($0.string) != nil }?.column))
      if type == "TXT" || type == "SPF" { summary.faults += longStrings(rdata) }
      guard currentOrigin == nil else { continue }
      do throws(ZoneFileError) {
        if !entry.ownerOmitted { try requireAbsolute(first, what: "owner name") }
        if let type, let positions = ZoneFileChecker.nameFields[type] {
          for position in positions where position < rdata.count {
            try requireAbsolute(rdata[position], what: "\(type) target")
          }
        }
      } catch {
        summary.faults.append(error)
      }
    }
    return summary
  }

  /// RFC 1035 §3.3: a character-string is at most 255 bytes; ldns refuses longer ones.
  private func longStrings(_ tokens: [ZoneFileLexer.Token]) -> [ZoneFileError] {
    tokens.compactMap { token in
      let length = ZoneFileChecker.unescapedLength(token.text)
      guard length > 255 else { return nil }
      return error(
        token, .txtStringTooLong,
        "TXT character-string is \(length) bytes; one string holds at most 255: split it into several quoted strings")
    }
  }

  /// Bytes a presentation-format string stands for: `\DDD` and `\X` are one byte each.
  static func unescapedLength(_ text: [UInt8]) -> Int {
    var count = 0
    var index = 0
    while index < text.count {
      if text[index] == UInt8(ascii: "\\"), index + 1 < text.count {
        let digits = text[(index + 1)...].prefix(3)
        index += digits.count == 3 && digits.allSatisfy({ (48...57).contains($0) }) ? 4 : 2
      } else {
        index += 1
      }
      count += 1
    }
    return count
  }

  private func directive(
    _ entry: ZoneFileLexer.Entry, origin: inout DNSName?, summary: inout Summary
  ) throws(ZoneFileError) {
    let name = entry.tokens[0]
    let arguments = Array(entry.tokens.dropFirst())
    switch name.string.uppercased() {
    case "$ORIGIN":
      guard arguments.count == 1 else {
        throw error(name, .badOrigin, "$ORIGIN takes exactly one domain name")
      }
      let text = arguments[0].string
      let relative = !(text.hasSuffix(".") && !text.hasSuffix("\\."))
      if relative && origin == nil {
        throw error(arguments[0], .noOrigin, "$ORIGIN '\(text)' is relative and no origin is known; end it with '.'")
      }
      let parsed: DNSName
      do {
        let name = try DNSName(text)
        parsed = relative ? try DNSName(labels: name.labels + (origin?.labels ?? [])) : name
      } catch {
        throw self.error(arguments[0], .badOrigin, "$ORIGIN '\(text)': \(error)")
      }
      origin = parsed
      if summary.declaredOrigin == nil { summary.declaredOrigin = parsed }
    case "$TTL":
      guard arguments.count == 1, ZoneFileChecker.ttl(arguments[0].string) != nil else {
        let value = arguments.map(\.string).joined(separator: " ")
        throw error(
          arguments.first ?? name, .badTTL,
          "$TTL '\(value)' is not a TTL: seconds (0-2147483647) or units like 1h30m (ldns would ignore it)")
      }
    case "$INCLUDE":
      throw error(
        name, .unsupportedDirective,
        "$INCLUDE is not supported: give the included file to mailzone as a zone file of its own")
    case "$GENERATE":
      throw error(name, .unsupportedDirective, "$GENERATE is not supported: expand the records in the file")
    default:
      throw error(name, .unknownDirective, "unknown directive '\(name.string)'; known: $ORIGIN, $TTL")
    }
  }

  /// The record's type mnemonic: the first token after owner, TTL and class that is not one of those.
  private func recordType(_ entry: ZoneFileLexer.Entry) -> String? {
    for token in entry.tokens.dropFirst(entry.ownerOmitted ? 0 : 1) where !token.quoted {
      let word = token.string.uppercased()
      if ZoneFileChecker.classes.contains(word) || word.hasPrefix("CLASS") || ZoneFileChecker.ttl(word) != nil {
        continue
      }
      return word
    }
    return nil
  }

  private func requireAbsolute(_ token: ZoneFileLexer.Token, what: String) throws(ZoneFileError) {
    let text = token.text
    let absolute = text.last == UInt8(ascii: ".") && (text.count < 2 || text[text.count - 2] != UInt8(ascii: "\\"))
    if absolute { return }
    throw error(
      token, .noOrigin,
      "\(what) '\(token.string)' is relative but the file has no $ORIGIN and no origin was given (--origin)")
  }

  private func error(_ token: ZoneFileLexer.Token, _ rule: ZoneFileError.Rule, _ message: String) -> ZoneFileError {
    ZoneFileError(file: file, line: token.line, column: token.column, rule: rule, message: message)
  }

  /// RFC 2308 / BIND TTL: plain seconds or `1w2d3h4m5s` units, at most 2^31 - 1.
  static func ttl(_ text: String) -> UInt32? {
    guard !text.isEmpty else { return nil }
    if let plain = UInt32(text) { return plain <= Int32.max ? plain : nil }
    var total: UInt64 = 0
    var number: UInt64?
    for character in text.lowercased() {
      if let digit = character.wholeNumberValue, character.isASCII {
        number = (number ?? 0) * 10 + UInt64(digit)
        if number ?? 0 > UInt64(Int32.max) { return nil }
        continue
      }
      let unit: UInt64
      switch character {
      case "w": unit = 604_800
      case "d": unit = 86_400
      case "h": unit = 3_600
      case "m": unit = 60
      case "s": unit = 1
      default: return nil
      }
      guard let value = number else { return nil }
      total += value * unit
      number = nil
    }
    guard number == nil, total <= UInt64(Int32.max) else { return nil }
    return UInt32(total)
  }
}
