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

  /// The RCODE and header flags of a reply that only says "nothing here": NXDOMAIN, or NOERROR
  /// without answers (NODATA), or nil for any other reply or anything unexpected (those go to
  /// ldns). The authority section of such a reply (the zone's SOA) is read by nobody, so it is not
  /// parsed; but an NS record there makes a NOERROR reply a referral, which lookups tell apart from
  /// NODATA, so such a reply goes to ldns too. An OPT record may extend the RCODE (RFC 6891
  /// §6.1.3), so when one is there its extended-RCODE octet must be 0.
  static func bareNegative(_ reply: [UInt8]) -> (rcode: UInt16, flags: DNSFlags)? {
    guard reply.count >= 12, reply[4] == 0, reply[5] == 1, reply[6] == 0, reply[7] == 0 else { return nil }
    let rcode = reply[3] & 0x0F
    guard rcode == 3 || rcode == 0 else { return nil }
    let authority = Int(reply[8]) << 8 | Int(reply[9])
    let additional = Int(reply[10]) << 8 | Int(reply[11])
    if additional > 1 { return nil }
    if additional == 1 || rcode == 0 {
      var offset = 12
      guard skipName(reply, &offset) else { return nil }
      offset += 4
      for _ in 0..<authority {
        guard skipName(reply, &offset), offset + 10 <= reply.count else { return nil }
        if rcode == 0 && reply[offset] == 0 && reply[offset + 1] == 2 { return nil }  // NS: a referral
        offset += 10 + (Int(reply[offset + 8]) << 8 | Int(reply[offset + 9]))
      }
      guard offset <= reply.count else { return nil }
      if additional == 1 {
        // OPT: root owner, TYPE 41, CLASS, TTL whose first octet is the extended RCODE.
        guard offset + 11 <= reply.count, reply[offset] == 0, reply[offset + 1] == 0, reply[offset + 2] == 41,
          reply[offset + 5] == 0
        else { return nil }
      }
    }
    var flags = DNSFlags()
    flags.authoritative = reply[2] & 0x04 != 0
    flags.truncated = reply[2] & 0x02 != 0
    flags.recursionDesired = reply[2] & 0x01 != 0
    flags.recursionAvailable = reply[3] & 0x80 != 0
    flags.authenticData = reply[3] & 0x20 != 0
    flags.checkingDisabled = reply[3] & 0x10 != 0
    return (UInt16(rcode), flags)
  }

  /// Moves `offset` past a possibly compressed name; false when it runs off the end.
  private static func skipName(_ bytes: [UInt8], _ offset: inout Int) -> Bool {
    while offset < bytes.count {
      let length = bytes[offset]
      if length == 0 {
        offset += 1
        return true
      }
      if length & 0xC0 == 0xC0 {
        offset += 2
        return offset <= bytes.count
      }
      guard length & 0xC0 == 0 else { return false }
      offset += Int(length) + 1
    }
    return false
  }
}
