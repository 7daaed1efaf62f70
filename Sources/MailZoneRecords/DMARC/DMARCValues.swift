/// The value grammars of DMARC tags (RFC 7489 §6.4, RFC 9989 §4.8).
///
/// ```
/// dmarc-request = "none" / "quarantine" / "reject"
/// dmarc-rors    = "r" / "s"
/// dmarc-yorn    = "y" / "n"
/// dmarc-psd     = "y" / "n" / "u"
/// dmarc-fo      = ( "0" / "1" / "d" / "s" ) *(*WSP ":" *WSP ( "0" / "1" / "d" / "s" ))
/// dmarc-rfmt    = Keyword *(*WSP ":" Keyword)
/// dmarc-percent = 1*3DIGIT
/// dmarc-ainterval = 1*DIGIT
/// dmarc-urilist = dmarc-uri *(*WSP "," *WSP dmarc-uri)
/// ```
/// ABNF quoted strings are case-insensitive (RFC 5234 §2.3), so `p=ReJect` is `reject`.
struct DMARCValues {
  let spec: DMARCSpec
  let tag: RecordTag
  let bytes: ArraySlice<UInt8>
  var warnings: [RecordWarning] = []

  init(spec: DMARCSpec, tag: RecordTag, bytes: ArraySlice<UInt8>) {
    self.spec = spec
    self.tag = tag
    self.bytes = bytes
  }

  private var section: String { spec == .rfc7489 ? "rfc 7489 §6.3" : "rfc 9989 §4.7" }
  private var sizeSection: String {
    spec == .rfc7489 ? "rfc 7489 §6.4" : "rfc 9989 §4.8 obs-dmarc-report-size, after rfc 7489 §6.4"
  }

  private func invalid(_ expected: String, at offset: Int? = nil) -> RecordParseError {
    guard !bytes.isEmpty else {
      return RecordParseError(
        .emptyValue, at: offset ?? tag.offset, "'\(tag.name)' has an empty value; expected \(expected) (\(section))")
    }
    return RecordParseError(
      .invalidTagValue, at: offset ?? bytes.startIndex,
      "invalid value '\(tag.value)' for '\(tag.name)': expected \(expected) (\(section))")
  }

  private func keyword<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ expected: String) throws(RecordParseError)
    -> T
  where T.RawValue == String {
    guard let match = T.allCases.first(where: { ASCII.equalsIgnoringCase(bytes, $0.rawValue) }) else {
      throw invalid(expected)
    }
    return match
  }

  func policy() throws(RecordParseError) -> DMARCPolicy { try keyword(DMARCPolicy.self, "none, quarantine or reject") }
  func alignment() throws(RecordParseError) -> DMARCAlignment { try keyword(DMARCAlignment.self, "r or s") }
  func publicSuffix() throws(RecordParseError) -> DMARCPublicSuffix { try keyword(DMARCPublicSuffix.self, "y, n or u") }

  func yesNo() throws(RecordParseError) -> Bool {
    if ASCII.equalsIgnoringCase(bytes, "y") { return true }
    if ASCII.equalsIgnoringCase(bytes, "n") { return false }
    throw invalid("y or n")
  }

  /// `dmarc-percent = 1*3DIGIT`, 0–100 (RFC 7489 §6.3).
  func percent() throws(RecordParseError) -> Int {
    guard (1...3).contains(bytes.count), bytes.allSatisfy(ASCII.isDigit), let value = ASCII.number(bytes, limit: 100)
    else {
      throw invalid("an integer from 0 to 100")
    }
    return Int(value)
  }

  /// `ri`: "plain-text 32-bit unsigned integer" (RFC 7489 §6.3).
  func interval() throws(RecordParseError) -> UInt32 {
    guard !bytes.isEmpty, bytes.allSatisfy(ASCII.isDigit), let value = ASCII.number(bytes, limit: UInt64(UInt32.max))
    else {
      throw invalid("seconds as a 32-bit unsigned integer")
    }
    return UInt32(value)
  }

  /// Splits on `separator`, allowing WSP around it; an empty element is an error.
  private func list(_ separator: UInt8, _ expected: String) throws(RecordParseError) -> [ArraySlice<UInt8>] {
    guard !bytes.isEmpty else { throw invalid(expected) }
    var items: [ArraySlice<UInt8>] = []
    var start = bytes.startIndex
    for index in bytes.indices where bytes[index] == separator {
      items.append(bytes[start..<index].trimmingWSP())
      start = index + 1
    }
    items.append(bytes[start...].trimmingWSP())
    if let empty = items.first(where: \.isEmpty) { throw invalid(expected, at: empty.startIndex) }
    return items
  }

  mutating func failureOptions() throws(RecordParseError) -> [DMARCFailureOption] {
    let expected = "':'-separated 0, 1, d or s"
    var options: [DMARCFailureOption] = []
    for item in try list(ASCII.colon, expected) {
      guard let option = DMARCFailureOption.allCases.first(where: { ASCII.equalsIgnoringCase(item, $0.rawValue) })
      else {
        throw invalid(expected, at: item.startIndex)
      }
      if options.contains(option) {
        warnings.append(
          RecordWarning(.conflictingValues, at: item.startIndex, "fo lists '\(option.rawValue)' more than once"))
      }
      options.append(option)
    }
    if options.contains(.allFail), options.contains(.anyFail) {
      // RFC 9989 §4.7: "0" and "1" are mutually exclusive.
      warnings.append(
        RecordWarning(
          .conflictingValues, at: bytes.startIndex,
          "fo has both 0 and 1; they are mutually exclusive (rfc 9989 §4.7) and 1 subsumes 0"))
    }
    return options
  }

  /// `Keyword = Ldh-str` (RFC 5321 §4.1.2): letters, digits and inner hyphens; `afrf` is the
  /// only registered format.
  mutating func reportFormats() throws(RecordParseError) -> [String] {
    let expected = "':'-separated report format keywords such as afrf"
    var formats: [String] = []
    for item in try list(ASCII.colon, expected) {
      guard let first = item.first, let last = item.last, ASCII.isAlphanumeric(first), ASCII.isAlphanumeric(last),
        item.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == ASCII.hyphen })
      else { throw invalid(expected, at: item.startIndex) }
      let format = ASCII.string(item).lowercased()
      if format != "afrf" {
        warnings.append(
          RecordWarning(
            .unregisteredValue, at: item.startIndex,
            "report format '\(format)' is not registered; only afrf is (rfc 7489 §6.3)"))
      }
      formats.append(format)
    }
    return formats
  }

  /// `dmarc-urilist`; each `URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]`.
  mutating func uris() throws(RecordParseError) -> [DMARCReportURI] {
    let expected = "','-separated uris such as mailto:reports@example.com"
    var uris: [DMARCReportURI] = []
    for item in try list(ASCII.comma, expected) {
      let bang = item.firstIndex(of: ASCII.bang) ?? item.endIndex
      let uriBytes = item[..<bang]
      if let problem = URIGrammar.problem(uriBytes) {
        throw RecordParseError(
          .invalidURI, at: item.startIndex, "'\(ASCII.string(uriBytes))' in '\(tag.name)' is not a uri: \(problem)")
      }
      var uri = DMARCReportURI(uri: ASCII.string(uriBytes))
      if bang < item.endIndex { try parseSize(item[(bang + 1)...], into: &uri, at: bang) }
      if uri.scheme != "mailto" {
        warnings.append(
          RecordWarning(
            .unsupportedScheme, at: item.startIndex,
            "receivers must support only mailto: uris; '\(uri.scheme):' may be ignored (\(section))"))
      }
      uris.append(uri)
    }
    return uris
  }

  /// `"!" 1*DIGIT [ "k" / "m" / "g" / "t" ]`; "the numeric portion MUST fit within an unsigned
  /// 64-bit integer" (RFC 7489 §6.4). RFC 9989 §4.8 keeps it as obsolete syntax.
  private mutating func parseSize(_ size: ArraySlice<UInt8>, into uri: inout DMARCReportURI, at bang: Int)
    throws(RecordParseError)
  {
    var digits = size
    if let last = size.last, let unit = DMARCReportURI.Unit(rawValue: String(UnicodeScalar(ASCII.lowercased(last)))) {
      uri.sizeUnit = unit
      digits = size.dropLast()
    }
    guard !digits.isEmpty, digits.allSatisfy(ASCII.isDigit) else {
      throw RecordParseError(
        .invalidSizeLimit, at: bang,
        "'!' must be followed by a size: digits and an optional k, m, g or t; commas and '!' inside a uri must be %-encoded (\(sizeSection))"
      )
    }
    guard let value = ASCII.number(digits) else {
      throw RecordParseError(
        .invalidSizeLimit, at: bang + 1, "the size limit does not fit in an unsigned 64-bit integer (\(sizeSection))")
    }
    uri.sizeValue = value
    if spec == .rfc9989 {
      warnings.append(
        RecordWarning(
          .obsoleteSyntax, at: bang,
          "the '!size' limit is obsolete syntax that rfc 9989 reporters ignore (rfc 9989 §4.8)"))
    }
  }
}
