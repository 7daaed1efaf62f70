/// The `version 1*(sep field) [sep]` shape shared by MTA-STS, TLS-RPT and BIMI TXT records.
///
/// ```
/// sep = *WSP %x3B *WSP        ; sts-sep (RFC 8461 §3.1), field-delim (RFC 8460 §3), bimi-sep
/// ```
enum FieldList {
  /// Checks that `bytes` start with `version` (case-sensitive) followed by the end, WSP or `;`.
  /// `kind` names the record in messages (`an mta-sts record`), `notCode` is the error when the
  /// version is wrong.
  static func requireVersion(
    _ bytes: [UInt8], _ version: String, kind: String, notCode: RecordParseError.Code, rfc: String
  ) throws(RecordParseError) -> Int {
    let prefix = Array(version.utf8)
    guard !bytes.isEmpty else {
      throw RecordParseError(.empty, at: 0, "empty record: \(kind) starts with '\(version)'")
    }
    guard bytes.starts(with: prefix),
      bytes.count == prefix.count || ASCII.isWSP(bytes[prefix.count]) || bytes[prefix.count] == ASCII.semicolon
    else {
      throw RecordParseError(
        notCode, at: 0, "not \(kind): it must begin with '\(version)' (case-sensitive) (\(rfc))")
    }
    return prefix.count
  }

  /// A field the grammar does not define: kept as an extension, with an `unknownTag` warning,
  /// when its value has the `ext-value` shape.
  static func appendExtension(
    _ field: ArraySlice<UInt8>, name: ArraySlice<UInt8>, value: ArraySlice<UInt8>, rfc: String,
    to extensions: inout [RecordTag], warnings: inout [RecordWarning]
  ) throws(RecordParseError) {
    guard isExtensionValue(value) else {
      throw RecordParseError(
        .invalidTagValue, at: value.startIndex,
        "the value of '\(ASCII.string(name))' must be visible ascii without ';' or '=' (\(rfc))")
    }
    extensions.append(RecordTag(name: ASCII.string(name), value: ASCII.string(value), offset: field.startIndex))
    warnings.append(
      RecordWarning(.unknownTag, at: field.startIndex, "unknown field '\(ASCII.string(name))' is ignored (\(rfc))"))
  }

  /// Splits `bytes[index...]` (just after the version) into fields with trailing WSP removed.
  /// A final separator is allowed; an empty field between two separators is not. Whitespace
  /// after the last field without a separator is reported through `warnings`.
  static func split(
    _ bytes: [UInt8], from start: Int, rfc: String, warnings: inout [RecordWarning]
  ) throws(RecordParseError) -> [ArraySlice<UInt8>] {
    var fields: [ArraySlice<UInt8>] = []
    var index = start
    while index < bytes.count {
      let wspStart = index
      while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
      guard index < bytes.count else {
        warnings.append(
          RecordWarning(
            .trailingWhitespace, at: wspStart,
            "whitespace after the last field without ';' is outside the grammar (\(rfc))"))
        break
      }
      guard bytes[index] == ASCII.semicolon else {
        throw RecordParseError(
          .expectedSeparator, at: index, "expected ';' between fields, found \(ASCII.describe(bytes[index])) (\(rfc))")
      }
      index += 1
      while index < bytes.count, ASCII.isWSP(bytes[index]) { index += 1 }
      guard index < bytes.count else { break }
      guard bytes[index] != ASCII.semicolon else {
        throw RecordParseError(.emptyTag, at: index, "empty field between two ';' (\(rfc))")
      }
      let end = bytes[index...].firstIndex(of: ASCII.semicolon) ?? bytes.count
      var fieldEnd = end
      while fieldEnd > index, ASCII.isWSP(bytes[fieldEnd - 1]) { fieldEnd -= 1 }
      fields.append(bytes[index..<fieldEnd])
      index = fieldEnd
    }
    return fields
  }

  /// `ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")` (RFC 8461 §3.1, RFC 8460 §3).
  static func isExtensionName(_ name: ArraySlice<UInt8>) -> Bool {
    guard let first = name.first, ASCII.isAlphanumeric(first), name.count <= 32 else { return false }
    return name.allSatisfy {
      ASCII.isAlphanumeric($0) || $0 == ASCII.underscore || $0 == ASCII.hyphen || $0 == ASCII.dot
    }
  }

  /// `ext-value = 1*(%x21-3A / %x3C / %x3E-7E)`: visible ASCII except `;` and `=`.
  static func isExtensionValue(_ value: ArraySlice<UInt8>) -> Bool {
    !value.isEmpty && value.allSatisfy { ASCII.isVisible($0) && $0 != ASCII.semicolon && $0 != ASCII.equals }
  }

  /// Splits `name=value` with no whitespace around `=` (the strict TXT grammars).
  static func nameValue(
    _ field: ArraySlice<UInt8>, rfc: String
  ) throws(RecordParseError) -> (name: ArraySlice<UInt8>, value: ArraySlice<UInt8>) {
    guard let equals = field.firstIndex(of: ASCII.equals) else {
      throw RecordParseError(.missingEquals, at: field.startIndex, "field '\(ASCII.string(field))' has no '=' (\(rfc))")
    }
    let name = field[..<equals]
    guard isExtensionName(name) else {
      throw RecordParseError(
        .invalidName, at: field.startIndex,
        "'\(ASCII.string(name))' is not a field name: letters, digits, '_', '-', '.', no spaces around '=' (\(rfc))")
    }
    return (name, field[(equals + 1)...])
  }
}
