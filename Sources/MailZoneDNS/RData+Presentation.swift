extension RData {
  /// Zone-file presentation of the rdata (RFC 1035 §5.1; RFC 3597 `\#` for unknown types).
  public var presentation: String {
    switch self {
    case .a(let address): return address.description
    case .aaaa(let address): return address.description
    case .cname(let name), .ns(let name), .ptr(let name): return name.absoluteText
    case .mx(let mx): return "\(mx.preference) \(mx.exchange.absoluteText)"
    case .txt(let txt), .spf(let txt): return txt.strings.map(TXTData.quoted).joined(separator: " ")
    case .soa(let soa):
      return "\(soa.mname.absoluteText) \(soa.rname.absoluteText) \(soa.serial) \(soa.refresh) \(soa.retry) "
        + "\(soa.expire) \(soa.minimum)"
    case .tlsa(let tlsa):
      return "\(tlsa.usage) \(tlsa.selector) \(tlsa.matchingType) \(hex(tlsa.certificateData).uppercased())"
    case .unknown(let bytes):
      return bytes.isEmpty ? "\\# 0" : "\\# \(bytes.count) \(hex(bytes))"
    }
  }
}

extension TXTData {
  /// One character-string in quotes, `"` and `\` escaped, bytes outside printable ASCII as `\DDD`.
  public static func quoted(_ string: [UInt8]) -> String {
    var out = "\""
    for byte in string {
      switch byte {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"):
        out += "\\" + String(UnicodeScalar(byte))
      case 0x20...0x7E:
        out.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = String(byte)
        out += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
      }
    }
    return out + "\""
  }
}

func hex(_ bytes: [UInt8]) -> String {
  let digits = Array("0123456789abcdef")
  var out = ""
  out.reserveCapacity(bytes.count * 2)
  for byte in bytes {
    out.append(digits[Int(byte >> 4)])
    out.append(digits[Int(byte & 0x0F)])
  }
  return out
}
