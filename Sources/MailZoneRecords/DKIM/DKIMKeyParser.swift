import Foundation

/// Applies the RFC 6376 §3.6.1 tag semantics to a parsed tag list.
enum DKIMKeyParser {
  static func parse(_ bytes: [UInt8], text: String) throws(RecordParseError) -> DKIMKeyRecord {
    let tags = try DKIMTagList.parse(bytes)
    var record = DKIMKeyRecord(text: text)
    var publicKeyTag: DKIMTagList.Tag?
    for (position, tag) in tags.enumerated() {
      switch tag.name {
      case "v":
        // "This tag MUST be the first tag in the record" (RFC 6376 §3.6.1).
        guard position == 0 else {
          throw RecordParseError(
            .tagOutOfOrder, at: tag.offset, "v= must be the first tag of a key record (rfc 6376 §3.6.1)")
        }
        guard ASCII.equals(tag.value, "DKIM1") else {
          throw RecordParseError(
            .badVersion, at: tag.value.startIndex, "v= must be exactly 'DKIM1' (case-sensitive) (rfc 6376 §3.6.1)")
        }
        record.hasVersion = true
      case "h":
        record.hashAlgorithms = try words(
          tag, known: ["sha1", "sha256"], kind: "hash algorithm", warnings: &record.warnings)
      case "k": record.requestedKeyType = try keyType(tag)
      case "n": record.notes = ASCII.string(tag.value)
      case "p": publicKeyTag = tag
      case "s":
        record.requestedServices = try words(
          tag, known: ["email", "tlsrpt", "*"], kind: "service type", warnings: &record.warnings)
      case "t": record.flags = try words(tag, known: ["y", "s"], kind: "flag", warnings: &record.warnings)
      default:
        let obsolete = tag.name == "g"
        record.otherTags.append(RecordTag(name: tag.name, value: ASCII.string(tag.value), offset: tag.offset))
        record.warnings.append(
          obsolete
            ? RecordWarning(
              .obsoleteSyntax, at: tag.offset, "g= is an rfc 4871 tag that rfc 6376 removed; it is ignored")
            : RecordWarning(.unknownTag, at: tag.offset, "unknown tag '\(tag.name)' is ignored (rfc 6376 §3.6.1)"))
      }
    }
    guard let publicKeyTag else {
      throw RecordParseError(
        .missingRequiredTag, at: bytes.count, "p= is required (empty for a revoked key) (rfc 6376 §3.6.1)")
    }
    try decodeKey(publicKeyTag, into: &record)
    record.warnings += lints(record, at: publicKeyTag.offset)
    record.warnings.sort { $0.offset < $1.offset }
    return record
  }

  /// `k=`: `rsa` (RFC 6376) or `ed25519` (RFC 8463); other key types are unusable.
  private static func keyType(_ tag: DKIMTagList.Tag) throws(RecordParseError) -> DKIMKeyType {
    if let type = DKIMKeyType.allCases.first(where: { ASCII.equalsIgnoringCase(tag.value, $0.rawValue) }) {
      return type
    }
    throw RecordParseError(
      .unknownKeyType, at: tag.value.startIndex,
      "unknown key type '\(ASCII.string(tag.value))': expected rsa or ed25519 (rfc 6376 §3.6.1, rfc 8463 §4)")
  }

  /// A `:`-separated list of hyphenated words (or `*` for services), lower-cased.
  private static func words(
    _ tag: DKIMTagList.Tag, known: Set<String>, kind: String, warnings: inout [RecordWarning]
  ) throws(RecordParseError) -> [String] {
    var result: [String] = []
    for item in DKIMTagList.colonList(tag.value) {
      guard DKIMTagList.isHyphenatedWord(item) || (known.contains("*") && ASCII.equals(item, "*")) else {
        let shown = ASCII.string(item)
        throw RecordParseError(
          item.isEmpty && tag.value.isEmpty ? .emptyValue : .invalidTagValue, at: item.startIndex,
          "'\(shown)' in \(tag.name)= is not a \(kind): expected a word of letters, digits and inner '-' (rfc 6376 §3.6.1)"
        )
      }
      let word = ASCII.string(item).lowercased()
      if !known.contains(word) {
        warnings.append(
          RecordWarning(
            .unregisteredValue, at: item.startIndex,
            "unknown \(kind) '\(word)' in \(tag.name)= is ignored (rfc 6376 §3.6.1)"))
      }
      result.append(word)
    }
    return result
  }

  /// `base64string = ALPHADIGITPS *([FWS] ALPHADIGITPS) [ [FWS] "=" [ [FWS] "=" ] ]`.
  private static func decodeKey(_ tag: DKIMTagList.Tag, into record: inout DKIMKeyRecord) throws(RecordParseError) {
    var base64: [UInt8] = []
    for index in tag.value.indices {
      let byte = tag.value[index]
      if ASCII.isWSP(byte) || byte == ASCII.cr || byte == ASCII.lf { continue }  // FWS is removed
      guard ASCII.isAlphanumeric(byte) || byte == 0x2B || byte == ASCII.slash || byte == ASCII.equals else {
        throw RecordParseError(
          .invalidBase64, at: index, "\(ASCII.describe(byte)) is not a base64 character (rfc 6376 §3.6.1)")
      }
      base64.append(byte)
    }
    record.publicKeyBase64 = ASCII.string(base64[...])
    guard !base64.isEmpty else { return }  // "An empty value means that this public key has been revoked."
    guard let data = Data(base64Encoded: Data(base64)) else {
      throw RecordParseError(
        .invalidBase64, at: tag.value.startIndex, "p= is not valid base64 (wrong length or padding) (rfc 6376 §3.6.1)")
    }
    do {
      record.publicKey = try DKIMPublicKey.decode(Array(data), as: record.keyType)
    } catch {
      throw RecordParseError(error.code, at: tag.value.startIndex, error.message)
    }
  }

  private static func lints(_ record: DKIMKeyRecord, at offset: Int) -> [RecordWarning] {
    var warnings: [RecordWarning] = []
    if record.isRevoked {
      warnings.append(RecordWarning(.unusableKey, at: offset, "p= is empty: the key is revoked (rfc 6376 §3.6.1)"))
    }
    if let key = record.publicKey, key.type == .rsa {
      if key.bits < 1024 {
        warnings.append(
          RecordWarning(
            .weakKey, at: offset,
            "a \(key.bits)-bit rsa key: verifiers must not accept keys under 1024 bits (rfc 8301 §3.2)"))
      } else if key.bits < 2048 {
        warnings.append(
          RecordWarning(
            .weakKey, at: offset, "a \(key.bits)-bit rsa key: signers should use at least 2048 bits (rfc 8301 §3.2)"))
      }
    }
    if let hashes = record.hashAlgorithms, !hashes.contains("sha256") {
      warnings.append(
        RecordWarning(.weakKey, at: offset, "h= does not allow sha256; sha1 must not be used (rfc 8301 §3.1)"))
    }
    if !record.isRevoked, !record.services.contains(where: { $0 == "email" || $0 == "*" }) {
      warnings.append(
        RecordWarning(
          .unusableKey, at: offset, "s= does not include email or *: the key cannot sign mail (rfc 6376 §3.6.1)"))
    }
    if record.isTesting {
      warnings.append(
        RecordWarning(
          .testingMode, at: offset,
          "t=y: the domain is testing dkim; verifiers may treat failures as unsigned (rfc 6376 §3.6.1)"))
    }
    return warnings
  }
}
