/// Line-by-line reader for RFC 8461 §3.2 policy files.
enum MTASTSPolicyParser {
  private static let rfc = "rfc 8461 §3.2"

  private struct Fields {
    var version: Int?
    var mode: (MTASTSPolicy.Mode, Int)?
    var maxAge: (Int, Int)?
    var mx: [String] = []
    var extensions: [RecordTag] = []
    var warnings: [RecordWarning] = []
  }

  static func parse(_ bytes: [UInt8], text: String) throws(RecordParseError) -> MTASTSPolicy {
    guard !bytes.isEmpty else {
      throw RecordParseError(.empty, at: 0, "empty policy: it needs version, mode, max_age and mx lines (\(rfc))")
    }
    var fields = Fields()
    if bytes.count > 65_536 {
      fields.warnings.append(
        RecordWarning(.longRecord, at: 65_536, "the policy is over 64 kib; senders may refuse it (rfc 8461 §3.3)"))
    }
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = bytes[lineStart...].firstIndex(of: ASCII.lf) ?? bytes.count
      let next = lineEnd + 1
      // sts-policy-term = LF / CRLF: a CR belongs to the terminator only right before LF.
      if lineEnd < bytes.count, lineEnd > lineStart, bytes[lineEnd - 1] == ASCII.cr { lineEnd -= 1 }
      let line = bytes[lineStart..<lineEnd]
      if line.allSatisfy(ASCII.isWSP) {
        fields.warnings.append(
          RecordWarning(
            .trailingWhitespace, at: lineStart, "empty line: the policy grammar has none, and parsers skip it (\(rfc))")
        )
      } else {
        try parseLine(line, into: &fields)
      }
      lineStart = next
    }
    return try build(fields, text: text, end: bytes.count)
  }

  private static func build(_ fields: Fields, text: String, end: Int) throws(RecordParseError) -> MTASTSPolicy {
    guard fields.version != nil else { throw missing("'version: STSv1'", end) }
    guard let (mode, modeOffset) = fields.mode else { throw missing("mode", end) }
    guard let (maxAge, maxAgeOffset) = fields.maxAge else { throw missing("max_age", end) }
    guard mode == .none || !fields.mx.isEmpty else {
      throw RecordParseError(.missingRequiredTag, at: end, "an mx: line is required unless mode is none (\(rfc))")
    }
    var policy = MTASTSPolicy(mode: mode, maxAge: maxAge, mx: fields.mx, extensions: fields.extensions)
    policy.text = text
    policy.warnings = fields.warnings
    if mode == .testing {
      policy.warnings.append(
        RecordWarning(
          .testingMode, at: modeOffset, "mode is testing: failures are reported but mail is still delivered (\(rfc))"))
    }
    if maxAge < 86_400 {
      policy.warnings.append(
        RecordWarning(.shortLifetime, at: maxAgeOffset, "max_age under a day; rfc 8461 §3.2 recommends weeks or more"))
    }
    policy.warnings.sort { $0.offset < $1.offset }
    return policy
  }

  private static func missing(_ field: String, _ end: Int) -> RecordParseError {
    RecordParseError(.missingRequiredTag, at: end, "the policy has no \(field) line (\(rfc))")
  }

  /// `name ":" *WSP value *WSP`; names and the version/mode values are case-sensitive.
  private static func parseLine(_ line: ArraySlice<UInt8>, into fields: inout Fields) throws(RecordParseError) {
    let start = line.startIndex
    guard let colon = line.firstIndex(of: ASCII.colon) else {
      throw RecordParseError(.expectedSeparator, at: start, "a policy line is 'name: value' (\(rfc))")
    }
    let name = line[..<colon]
    guard FieldList.isExtensionName(name) else {
      throw RecordParseError(
        .invalidName, at: start, "'\(ASCII.string(name))' is not a field name: no spaces before ':' (\(rfc))")
    }
    let value = line[(colon + 1)...].trimmingWSP()
    if let bad = value.firstIndex(where: { $0 < 0x20 || $0 == 0x7F }) {
      throw RecordParseError(
        .invalidCharacter, at: bad, "control character \(ASCII.describe(line[bad])) in a policy value (\(rfc))")
    }
    func once(_ seen: Bool) throws(RecordParseError) {
      if seen {
        throw RecordParseError(.duplicate, at: start, "'\(ASCII.string(name))' appears more than once (\(rfc))")
      }
    }
    switch ASCII.string(name) {
    case "version":
      try once(fields.version != nil)
      guard ASCII.equals(value, "STSv1") else {
        throw RecordParseError(.badVersion, at: value.startIndex, "version must be exactly 'STSv1' (\(rfc))")
      }
      fields.version = start
    case "mode":
      try once(fields.mode != nil)
      guard let mode = MTASTSPolicy.Mode.allCases.first(where: { ASCII.equals(value, $0.rawValue) }) else {
        throw RecordParseError(
          .invalidTagValue, at: value.startIndex, "mode must be testing, enforce or none (lower-case) (\(rfc))")
      }
      fields.mode = (mode, start)
    case "max_age":
      try once(fields.maxAge != nil)
      guard (1...10).contains(value.count), value.allSatisfy(ASCII.isDigit),
        let seconds = ASCII.number(value, limit: UInt64(MTASTSPolicy.maximumMaxAge))
      else {
        throw RecordParseError(
          .invalidNumber, at: value.startIndex, "max_age must be seconds from 0 to 31557600 (\(rfc))")
      }
      fields.maxAge = (Int(seconds), start)
    case "mx":
      let pattern = try mxPattern(value)
      if fields.mx.contains(where: { $0.lowercased() == pattern.lowercased() }) {
        fields.warnings.append(RecordWarning(.conflictingValues, at: start, "mx pattern '\(pattern)' is listed twice"))
      }
      fields.mx.append(pattern)
    default:
      fields.extensions.append(RecordTag(name: ASCII.string(name), value: ASCII.string(value), offset: start))
      fields.warnings.append(
        RecordWarning(.unknownTag, at: start, "unknown field '\(ASCII.string(name))' is ignored (\(rfc))"))
    }
  }

  /// `["*."] Domain`, with `Domain = sub-domain *("." sub-domain)` and
  /// `sub-domain = Let-dig [Ldh-str]` (RFC 5321 §4.1.2), labels ≤ 63 octets.
  private static func mxPattern(_ value: ArraySlice<UInt8>) throws(RecordParseError) -> String {
    let domain = value.starts(with: [0x2A, ASCII.dot]) ? value.dropFirst(2) : value
    var labelStart = domain.startIndex
    for index in domain.indices.filter({ domain[$0] == ASCII.dot }) + [domain.endIndex] {
      let label = domain[labelStart..<index]
      guard let first = label.first, let last = label.last, ASCII.isAlphanumeric(first), ASCII.isAlphanumeric(last),
        label.count <= 63, label.allSatisfy({ ASCII.isAlphanumeric($0) || $0 == ASCII.hyphen })
      else {
        throw RecordParseError(
          .invalidDomain, at: label.startIndex,
          "'\(ASCII.string(value))' is not an mx pattern: a host name, or '*.' and a domain; labels of letters, digits and inner '-', no trailing dot (\(rfc))"
        )
      }
      labelStart = index + 1
    }
    return ASCII.string(value)
  }
}
