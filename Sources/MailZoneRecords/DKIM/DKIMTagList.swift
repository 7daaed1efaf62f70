/// The DKIM tag=value list (RFC 6376 §3.2), used by key records.
///
/// ```
/// tag-list  =  tag-spec *( ";" tag-spec ) [ ";" ]
/// tag-spec  =  [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
/// tag-name  =  ALPHA *ALNUMPUNC
/// tag-value =  [ tval *( 1*(WSP / FWS) tval ) ]
/// tval      =  1*VALCHAR
/// VALCHAR   =  %x21-3A / %x3C-7E
/// ALNUMPUNC =  ALPHA / DIGIT / "_"
/// FWS       =  [*WSP CRLF] 1*WSP            ; RFC 6376 §2.8
/// ```
enum DKIMTagList {
  /// One parsed tag-spec.
  struct Tag {
    var name: String
    var value: ArraySlice<UInt8>
    var offset: Int
  }

  static func parse(_ bytes: [UInt8]) throws(RecordParseError) -> [Tag] {
    var tags: [Tag] = []
    var seen: [String: Int] = [:]
    var index = 0
    while true {
      let specStart = index
      skipFWS(bytes, &index)
      guard index < bytes.count else {
        if tags.isEmpty {
          throw RecordParseError(
            .empty, at: index, "empty record: a dkim key record is a tag list with at least p= (rfc 6376 §3.6.1)")
        }
        // tag-list ends in [ ";" ]: nothing, not even whitespace, may follow the last ";".
        throw RecordParseError(
          .trailingData, at: specStart, "whitespace after the last ';' is outside the tag-list grammar (rfc 6376 §3.2)")
      }
      let tag = try parseTagSpec(bytes, &index)
      // RFC 6376 §3.2: "Tags with duplicate names MUST NOT occur within a single tag-list".
      if let first = seen[tag.name] {
        throw RecordParseError(
          .duplicate, at: tag.offset,
          "tag '\(tag.name)' appears twice (first at offset \(first)); the whole tag list is invalid (rfc 6376 §3.2)")
      }
      seen[tag.name] = tag.offset
      tags.append(tag)
      guard index < bytes.count else { break }
      index += 1  // the ";" that parseTagSpec stopped at
      if index == bytes.count { break }
    }
    return tags
  }

  /// `[FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]`, stopping at `;` or the end.
  private static func parseTagSpec(_ bytes: [UInt8], _ index: inout Int) throws(RecordParseError) -> Tag {
    let nameStart = index
    guard bytes[index] != ASCII.semicolon else {
      throw RecordParseError(.emptyTag, at: index, "empty tag-spec before ';' (rfc 6376 §3.2)")
    }
    guard ASCII.isAlpha(bytes[index]) else {
      throw RecordParseError(
        .invalidName, at: index,
        "expected a tag name starting with a letter, found \(ASCII.describe(bytes[index])) (rfc 6376 §3.2)")
    }
    while index < bytes.count, ASCII.isAlphanumeric(bytes[index]) || bytes[index] == ASCII.underscore { index += 1 }
    let name = ASCII.string(bytes[nameStart..<index])
    skipFWS(bytes, &index)
    guard index < bytes.count, bytes[index] == ASCII.equals else {
      throw RecordParseError(
        .missingEquals, at: index, "tag '\(name)' must be followed by '=' and a value (rfc 6376 §3.2)")
    }
    index += 1
    skipFWS(bytes, &index)
    let valueStart = index
    var valueEnd = index
    while index < bytes.count, bytes[index] != ASCII.semicolon {
      let byte = bytes[index]
      if (0x21...0x7E).contains(byte) {
        index += 1
        valueEnd = index
      } else if ASCII.isWSP(byte) || byte == ASCII.cr {
        let before = index
        skipFWS(bytes, &index)
        guard index > before else {
          throw RecordParseError(
            .invalidCharacter, at: index,
            "a line break inside a value must be crlf followed by whitespace (rfc 6376 §2.8)")
        }
      } else {
        throw RecordParseError(
          .invalidCharacter, at: index, "\(ASCII.describe(byte)) is not allowed in a tag value (rfc 6376 §3.2)")
      }
    }
    return Tag(name: name, value: bytes[valueStart..<valueEnd], offset: nameStart)
  }

  /// Skips `FWS = [*WSP CRLF] 1*WSP`, and plain `*WSP`.
  static func skipFWS(_ bytes: [UInt8], _ index: inout Int) {
    while index < bytes.count {
      if ASCII.isWSP(bytes[index]) {
        index += 1
      } else if bytes[index] == ASCII.cr, index + 2 < bytes.count, bytes[index + 1] == ASCII.lf,
        ASCII.isWSP(bytes[index + 2])
      {
        index += 3
      } else {
        return
      }
    }
  }

  /// Splits a value on `:` with FWS around each item (`h=`, `s=`, `t=` lists).
  static func colonList(_ value: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    var items: [ArraySlice<UInt8>] = []
    var start = value.startIndex
    for index in value.indices where value[index] == ASCII.colon {
      items.append(trimFWS(value[start..<index]))
      start = index + 1
    }
    items.append(trimFWS(value[start...]))
    return items
  }

  static func trimFWS(_ slice: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var result = slice
    let isFold: (UInt8) -> Bool = { ASCII.isWSP($0) || $0 == ASCII.cr || $0 == ASCII.lf }
    while let first = result.first, isFold(first) { result = result.dropFirst() }
    while let last = result.last, isFold(last) { result = result.dropLast() }
    return result
  }

  /// `hyphenated-word = ALPHA [ *(ALPHA / DIGIT / "-") (ALPHA / DIGIT) ]` (RFC 6376 §3.6.1).
  static func isHyphenatedWord(_ word: ArraySlice<UInt8>) -> Bool {
    guard let first = word.first, let last = word.last, ASCII.isAlpha(first), ASCII.isAlphanumeric(last) else {
      return false
    }
    return word.allSatisfy { ASCII.isAlphanumeric($0) || $0 == ASCII.hyphen }
  }
}
