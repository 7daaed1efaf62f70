/// The RFC 7208 §12 grammar, term by term; every syntax error is a permerror (§4.6).
enum SPFParser {
  private static let version = Array("v=spf1".utf8)

  /// RFC 7208 §4.5: "v=spf1" terminated by SP or the end of the record.
  static func hasVersion(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.count >= version.count,
      ASCII.equalsIgnoringCase(bytes.prefix(version.count), "v=spf1")
    else { return false }
    return bytes.count == version.count || bytes[bytes.startIndex + version.count] == ASCII.space
  }

  static func parse(_ bytes: [UInt8], text: String) throws(RecordParseError) -> SPFRecord {
    guard !bytes.isEmpty else {
      throw RecordParseError(.empty, at: 0, "empty record: an spf record starts with v=spf1")
    }
    guard hasVersion(bytes[...]) else {
      throw RecordParseError(
        .notSPF, at: 0, "not an spf record: it must begin with 'v=spf1' followed by a space or the end (rfc 7208 §4.5)")
    }
    var terms: [SPFTerm] = []
    var warnings: [RecordWarning] = []
    var seenRedirect: Int?
    var seenExplanation: Int?
    var index = version.count
    while index < bytes.count {
      // terms = *( 1*SP ( directive / modifier ) ); record ends in *SP (§12). Only SP separates.
      if bytes[index] == ASCII.space {
        index += 1
        continue
      }
      var end = index
      while end < bytes.count, bytes[end] != ASCII.space { end += 1 }
      let termBytes = bytes[index..<end]
      if let bad = termBytes.firstIndex(where: { !ASCII.isVisible($0) }) {
        throw RecordParseError(
          .invalidCharacter, at: bad,
          "\(ASCII.describe(bytes[bad])) in a term: spf records are visible us-ascii and terms are separated by spaces only (rfc 7208 §3, §4.6.1)"
        )
      }
      let term = try parseTerm(termBytes)
      if case .modifier(let modifier) = term.kind {
        // RFC 7208 §6: redirect and exp MUST NOT appear more than once each.
        switch modifier {
        case .redirect:
          if let first = seenRedirect { throw duplicate("redirect", at: index, first: first) }
          seenRedirect = index
        case .explanation:
          if let first = seenExplanation { throw duplicate("exp", at: index, first: first) }
          seenExplanation = index
        case .unknown(let name, _):
          warnings.append(RecordWarning(.unknownTag, at: index, "unknown modifier '\(name)' is ignored (rfc 7208 §6)"))
        }
      }
      terms.append(term)
      index = end
    }
    warnings += SPFLints.warnings(for: terms)
    return SPFRecord(terms: terms, text: text, warnings: warnings.sorted { $0.offset < $1.offset })
  }

  private static func duplicate(_ name: String, at offset: Int, first: Int) -> RecordParseError {
    RecordParseError(
      .duplicate, at: offset,
      "'\(name)' appears twice (first at offset \(first)); it may appear at most once (rfc 7208 §6)")
  }

  /// A term: a modifier when a `name` is followed by `=`, else a directive (RFC 7208 §4.6.1).
  static func parseTerm(_ bytes: ArraySlice<UInt8>) throws(RecordParseError) -> SPFTerm {
    let start = bytes.startIndex
    var nameEnd = start
    while nameEnd < bytes.endIndex, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
    if nameEnd < bytes.endIndex, bytes[nameEnd] == ASCII.equals {
      // name = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
      guard nameEnd > start, ASCII.isAlpha(bytes[start]) else {
        throw RecordParseError(
          .invalidName, at: start,
          "a modifier name must start with a letter and hold letters, digits, '-', '_' or '.' (rfc 7208 §12)")
      }
      let modifier = try parseModifier(name: bytes[start..<nameEnd], value: bytes[(nameEnd + 1)...])
      return SPFTerm(.modifier(modifier), offset: start)
    }
    var mechanismStart = start
    var qualifier = SPFQualifier.pass
    if let written = SPFQualifier(rawValue: String(UnicodeScalar(bytes[start]))) {
      qualifier = written
      mechanismStart += 1
    }
    let mechanism = try SPFMechanismParser.parse(bytes[mechanismStart...])
    return SPFTerm(.directive(qualifier, mechanism), offset: start)
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    ASCII.isAlphanumeric(byte) || byte == ASCII.hyphen || byte == ASCII.underscore || byte == ASCII.dot
  }

  private static func parseModifier(
    name: ArraySlice<UInt8>, value: ArraySlice<UInt8>
  ) throws(RecordParseError) -> SPFModifier {
    if ASCII.equalsIgnoringCase(name, "redirect") {
      return .redirect(try MacroStringParser.parseDomainSpec(value, term: "redirect="))
    }
    if ASCII.equalsIgnoringCase(name, "exp") {
      return .explanation(try MacroStringParser.parseDomainSpec(value, term: "exp="))
    }
    // unknown-modifier = name "=" macro-string: the value must still be a valid macro-string.
    return .unknown(name: ASCII.string(name), value: try MacroStringParser.parse(value, context: .modifierValue))
  }
}

/// Warnings for terms that parse but are ignored, deprecated or risky.
enum SPFLints {
  static func warnings(for terms: [SPFTerm]) -> [RecordWarning] {
    var warnings: [RecordWarning] = []
    let allIndex = terms.firstIndex { $0.mechanism == .all }
    if let allIndex {
      for term in terms[(allIndex + 1)...] where term.mechanism != nil {
        // RFC 7208 §5.1: mechanisms after "all" will never be tested and MUST be ignored.
        warnings.append(
          RecordWarning(
            .unreachableTerm, at: term.offset,
            "'\(term.rendered)' comes after 'all' and is never evaluated (rfc 7208 §5.1)"))
      }
      for term in terms {
        if case .modifier(.redirect) = term.kind {
          warnings.append(
            RecordWarning(
              .ignoredRedirect, at: term.offset,
              "redirect is ignored because the record has an 'all' mechanism (rfc 7208 §6.1)"))
        }
      }
    }
    for term in terms {
      if case .ptr? = term.mechanism {
        warnings.append(
          RecordWarning(
            .deprecatedMechanism, at: term.offset,
            "the ptr mechanism should not be used: it is slow and unreliable (rfc 7208 §5.5)"))
      }
      warnings += addressWarnings(term)
      warnings += domainWarnings(term)
    }
    let lookups = terms.filter(\.countsTowardLookupLimit)
    if lookups.count > 10 {
      warnings.append(
        RecordWarning(
          .tooManyLookups, at: lookups[10].offset,
          "this record alone has \(lookups.count) terms that query dns; more than 10 in a check is a permerror (rfc 7208 §4.6.4)"
        ))
    }
    return warnings
  }

  private static func addressWarnings(_ term: SPFTerm) -> [RecordWarning] {
    let prefix: Int?
    switch term.mechanism {
    case .ip4(let address, let length?) where address.hasHostBits(prefix: length): prefix = length
    case .ip6(let address, let length?) where address.hasHostBits(prefix: length): prefix = length
    default: prefix = nil
    }
    guard let prefix else { return [] }
    return [
      RecordWarning(
        .hostBitsSet, at: term.offset, "'\(term.rendered)' has bits set beyond /\(prefix); it matches the whole network"
      )
    ]
  }

  private static func domainWarnings(_ term: SPFTerm) -> [RecordWarning] {
    let spec: MacroString?
    switch term.kind {
    case .directive(_, .include(let target)), .directive(_, .exists(let target)): spec = target
    case .directive(_, .a(let target, _)), .directive(_, .mx(let target, _)), .directive(_, .ptr(let target)):
      spec = target
    case .modifier(.redirect(let target)), .modifier(.explanation(let target)): spec = target
    default: spec = nil
    }
    guard let name = spec?.literalValue else { return [] }
    let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
    let labels = trimmed.split(separator: ".", omittingEmptySubsequences: false)
    // RFC 7208 §4.3 / RFC 1035 §2.3.4: no empty labels, labels ≤ 63, names ≤ 253 octets.
    if labels.contains(where: \.isEmpty) || labels.contains(where: { $0.utf8.count > 63 }) || trimmed.utf8.count > 253 {
      return [
        RecordWarning(
          .unresolvableDomain, at: term.offset,
          "'\(name)' is not a valid dns name (empty label, label over 63 or name over 253 octets); it never matches (rfc 7208 §4.3)"
        )
      ]
    }
    return []
  }
}
