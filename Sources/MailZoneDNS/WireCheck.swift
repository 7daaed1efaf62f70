/// Header and question checks on raw replies, before anything is parsed: a reply is taken only if
/// its ID, QR bit and question match the query (LDNS-NOTES.md trap 2: ldns's own path skips this).
enum WireCheck {
  /// The question section of a query we built: the bytes after the 12-octet header.
  static func question(ofQuery query: [UInt8]) -> ArraySlice<UInt8> {
    // Our queries hold one question and then at most the OPT record; the question ends after
    // the name's root label plus 4 octets of type and class.
    var index = 12
    while index < query.count, query[index] != 0 { index += Int(query[index]) + 1 }
    let end = min(index + 5, query.count)
    return query[12..<end]
  }

  static func id(_ bytes: some Collection<UInt8>) -> UInt16? {
    guard bytes.count >= 2 else { return nil }
    let start = bytes.startIndex
    return UInt16(bytes[start]) << 8 | UInt16(bytes[bytes.index(after: start)])
  }

  /// True when `reply` is a response (QR=1) with one question equal to `question` (ASCII case ignored,
  /// so servers that echo 0x20-randomised case still match).
  static func matches(_ reply: [UInt8], question: ArraySlice<UInt8>) -> Bool {
    guard reply.count >= 12 + question.count, reply[2] & 0x80 != 0, reply[4] == 0, reply[5] == 1 else {
      return false
    }
    var offset = 12
    for byte in question {
      if DNSName.lower(reply[offset]) != DNSName.lower(byte) { return false }
      offset += 1
    }
    return true
  }

  static func isTruncated(_ reply: [UInt8]) -> Bool { reply.count > 2 && reply[2] & 0x02 != 0 }
  static func rcode(_ reply: [UInt8]) -> UInt8 { reply.count > 3 ? reply[3] & 0x0F : 0 }
}
