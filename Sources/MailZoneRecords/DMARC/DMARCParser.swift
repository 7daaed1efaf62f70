/// Reads the tag list of a DMARC record (RFC 7489 §6.3–6.4, RFC 9989 §4.7–4.8).
struct DMARCParser {
  let bytes: [UInt8]
  let text: String
  let spec: DMARCSpec
  var record: DMARCRecord
  var seen: [String: Int] = [:]

  init(bytes: [UInt8], text: String, spec: DMARCSpec) {
    self.bytes = bytes
    self.text = text
    self.spec = spec
    record = DMARCRecord(spec: spec)
    record.text = text
  }

  /// `v` *WSP `=` *WSP `DMARC1` at the very start (no leading whitespace).
  static func hasVersionPrefix(_ bytes: [UInt8]) -> Bool {
    guard let end = versionValueStart(bytes) else { return false }
    return bytes[end...].starts(with: "DMARC1".utf8)
  }

  /// The index after `v *WSP = *WSP`, or `nil` when the text does not start with a `v` tag.
  private static func versionValueStart(_ bytes: [UInt8]) -> Int? {
    guard let first = bytes.first, ASCII.lowercased(first) == 0x76 else { return nil }
    var index = 1
    while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
    guard index < bytes.count, bytes[index] == ASCII.equals else { return nil }
    index += 1
    while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
    return index
  }

  mutating func parse() throws(RecordParseError) -> DMARCRecord {
    guard !bytes.isEmpty else {
      throw RecordParseError(.empty, at: 0, "empty record: a dmarc record starts with 'v=DMARC1'")
    }
    guard let valueStart = Self.versionValueStart(bytes) else {
      let lead = ASCII.isWSP(bytes[0]) ? " (it starts with whitespace)" : ""
      throw RecordParseError(
        .notDMARC, at: 0,
        "not a dmarc record: it must begin with 'v=DMARC1'\(lead) (\(spec.title) §\(section("6.3", "4.7")))")
    }
    var index = valueStart + 6
    // A `v=` tag naming another protocol (`v=spf1`) is not DMARC at all; `v=dmarc1` is broken DMARC.
    guard index <= bytes.count, ASCII.equalsIgnoringCase(bytes[valueStart..<(valueStart + 5)], "dmarc") else {
      throw RecordParseError(
        .notDMARC, at: 0, "not a dmarc record: it must begin with 'v=DMARC1' (\(spec.title) §\(section("6.3", "4.7")))")
    }
    // dmarc-version = "v" equals %s"DMARC1": the value is case-sensitive and exact.
    guard bytes[valueStart...].starts(with: "DMARC1".utf8),
      index == bytes.count || ASCII.isWSP(bytes[index]) || bytes[index] == ASCII.semicolon
    else {
      throw RecordParseError(
        .badVersion, at: valueStart,
        "the version must be exactly 'DMARC1' (case-sensitive) (\(spec.title) §\(section("6.3", "4.7")))")
    }
    var tagIndex = 0
    while index < bytes.count {
      guard let tagStart = try separator(from: &index) else { break }
      try parseTag(at: tagStart, position: tagIndex, end: &index)
      tagIndex += 1
    }
    try checkPolicyPresence()
    record.warnings.sort { $0.offset < $1.offset }
    return record
  }

  /// Consumes `dmarc-sep = *WSP ";" *WSP`; returns where the next tag starts, or `nil` at the end.
  private mutating func separator(from index: inout Int) throws(RecordParseError) -> Int? {
    let wspStart = index
    while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
    guard index < bytes.count else {
      warnTrailingWhitespace(at: wspStart)
      return nil
    }
    guard bytes[index] == ASCII.semicolon else {
      throw RecordParseError(
        .expectedSeparator, at: index,
        "expected ';' between tags, found \(ASCII.describe(bytes[index])) (\(spec.title) §\(section("6.4", "4.8")))")
    }
    index += 1
    while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
    guard index < bytes.count else { return nil }  // a final [dmarc-sep] is allowed
    guard bytes[index] != ASCII.semicolon else {
      throw RecordParseError(
        .emptyTag, at: index, "empty tag between two ';' (\(spec.title) §\(section("6.4", "4.8")))")
    }
    return index
  }

  private mutating func warnTrailingWhitespace(at offset: Int) {
    record.warnings.append(
      RecordWarning(
        .trailingWhitespace, at: offset,
        "whitespace after the last tag value without ';' is outside the formal grammar; receivers strip it"))
  }

  /// `tag-name *WSP "=" *WSP value`, value up to the next `;` (its trailing WSP belongs to the separator).
  private mutating func parseTag(at start: Int, position: Int, end index: inout Int) throws(RecordParseError) {
    var nameEnd = start
    // tag-name = ALPHA *ALNUMPUNC (RFC 6376 §3.2, which RFC 7489 §6.3 adopts).
    while nameEnd < bytes.count, ASCII.isAlphanumeric(bytes[nameEnd]) || bytes[nameEnd] == ASCII.underscore {
      nameEnd += 1
    }
    guard nameEnd > start, ASCII.isAlpha(bytes[start]) else {
      throw RecordParseError(
        .invalidName, at: start,
        "expected a tag name (a letter, then letters, digits or '_'), found \(ASCII.describe(bytes[start]))")
    }
    index = nameEnd
    while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
    let name = ASCII.string(bytes[start..<nameEnd])
    guard index < bytes.count, bytes[index] == ASCII.equals else {
      throw RecordParseError(
        .missingEquals, at: index, "tag '\(name)' has no '=' and value (\(spec.title) §\(section("6.4", "4.8")))")
    }
    index += 1
    let valueEnd = bytes[index...].firstIndex(of: ASCII.semicolon) ?? bytes.count
    let value = bytes[index..<valueEnd].trimmingWSP()
    index = value.isEmpty ? valueEnd : value.endIndex
    if let bad = value.firstIndex(where: { !(ASCII.isVisible($0) || ASCII.isWSP($0)) }) {
      throw RecordParseError(
        .invalidCharacter, at: bad,
        "\(ASCII.describe(bytes[bad])) in the value of '\(name)': values are printable ascii (\(spec.title) §\(section("6.4", "4.8")))"
      )
    }
    let key = name.lowercased()
    if let first = seen[key] {
      throw RecordParseError(
        .duplicate, at: start,
        "tag '\(name)' appears twice (first at offset \(first)); a duplicate makes the tag list invalid (rfc 6376 §3.2)"
      )
    }
    seen[key] = start
    let tag = RecordTag(name: name, value: ASCII.string(value), offset: start)
    record.tags.append(tag)
    try apply(tag, key: key, value: value, position: position)
  }

  /// Under RFC 7489 `p` must come right after `v`; RFC 9989 allows any order.
  private mutating func checkPosition(of tag: RecordTag, position: Int) throws(RecordParseError) {
    guard position > 0 else { return }
    if spec == .rfc7489 {
      throw RecordParseError(.tagOutOfOrder, at: tag.offset, "p must be the first tag after 'v=DMARC1' (rfc 7489 §6.4)")
    }
    record.warnings.append(
      RecordWarning(
        .policyNotSecond, at: tag.offset,
        "p is not the first tag after 'v=DMARC1'; rfc 9989 allows that, but rfc 7489 receivers reject the record"))
  }

  private mutating func apply(
    _ tag: RecordTag, key: String, value: ArraySlice<UInt8>, position: Int
  ) throws(RecordParseError) {
    var values = DMARCValues(spec: spec, tag: tag, bytes: value)
    switch key {
    case "p":
      try checkPosition(of: tag, position: position)
      record.requestedPolicy = try values.policy()
    case "sp": record.requestedSubdomainPolicy = try values.policy()
    case "adkim": record.requestedDKIMAlignment = try values.alignment()
    case "aspf": record.requestedSPFAlignment = try values.alignment()
    case "fo": record.requestedFailureOptions = try values.failureOptions()
    case "rua": record.aggregateReportURIs = try values.uris()
    case "ruf": record.failureReportURIs = try values.uris()
    case "pct", "rf", "ri": try applyOnlyIn(.rfc7489, tag, key: key, values: &values)
    case "np", "t", "psd": try applyOnlyIn(.rfc9989, tag, key: key, values: &values)
    default:
      record.otherTags.append(tag)
      record.warnings.append(
        RecordWarning(
          .unknownTag, at: tag.offset, "unknown tag '\(tag.name)' is ignored (\(spec.title) §\(section("6.3", "4.8")))")
      )
    }
    record.warnings += values.warnings
  }

  /// A tag defined by only one specification: enforced there; elsewhere parsed and reported,
  /// and an invalid value ignored, as that specification's receivers do.
  private mutating func applyOnlyIn(
    _ home: DMARCSpec, _ tag: RecordTag, key: String, values: inout DMARCValues
  ) throws(RecordParseError) {
    do {
      switch key {
      case "pct": record.requestedPercent = try values.percent()
      case "rf": record.requestedReportFormats = try values.reportFormats()
      case "ri": record.requestedReportInterval = try values.interval()
      case "np": record.requestedNonexistentPolicy = try values.policy()
      case "t": record.requestedTesting = try values.yesNo()
      default: record.requestedPublicSuffix = try values.publicSuffix()
      }
    } catch {
      guard spec != home else { throw error }
      record.otherTags.append(tag)
      record.warnings.append(
        RecordWarning(
          .ignoredInvalidValue, at: tag.offset,
          "\(error.message); \(spec.title) does not define '\(key)', so receivers ignore it"))
      return
    }
    if spec != home {
      let note =
        home == .rfc7489
        ? "was removed in rfc 9989; only rfc 7489 receivers read it"
        : "is defined by rfc 9989; rfc 7489 receivers ignore it"
      record.warnings.append(RecordWarning(.otherSpecificationTag, at: tag.offset, "'\(key)' \(note)"))
    }
  }

  /// RFC 7489 §6.6.3: without a valid `p`, a record with a valid `rua` acts as `p=none`;
  /// RFC 9989 §4.7: a missing `p` is treated as `p=none`.
  private mutating func checkPolicyPresence() throws(RecordParseError) {
    guard record.requestedPolicy == nil else { return }
    if spec == .rfc7489, record.aggregateReportURIs.isEmpty {
      throw RecordParseError(
        .missingRequiredTag, at: bytes.count,
        "no p tag and no rua to fall back on: p is required (rfc 7489 §6.3, §6.6.3)")
    }
    let reason =
      spec == .rfc7489
      ? "rua is present, so receivers act as if p=none (rfc 7489 §6.6.3)" : "it is treated as p=none (rfc 9989 §4.7)"
    record.warnings.append(RecordWarning(.defaultApplied, at: 0, "no p tag: \(reason)"))
  }

  private func section(_ rfc7489: String, _ rfc9989: String) -> String { spec == .rfc7489 ? rfc7489 : rfc9989 }
}
