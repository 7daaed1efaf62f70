/// Public keys for the DKIM check examples, made with `openssl genpkey` (the private halves were
/// discarded): RSA as base64 SubjectPublicKeyInfo, Ed25519 as the raw 32 bytes (RFC 8463 §4.2).
enum DKIMExampleKeys {
  static let rsa2048 =
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqiQ/TkfbCYIlXuOU4sYj0fUfijRkJLYBcMMpuKj1uJfY"
    + "NkTwpxIn2su/Bd0sDUSzH2pQHfIDtLEIlqfiH1FOd+lladXc46UEzcvBDbNsUrOQh78VBShr1z/XE0dAsk+KBS2n"
    + "Gi1LM2RTmuFXB3w4F141pCFh4hhyyo1+L/dpltE1hE3ZQ3stIYeibg+6xmD+E8H8Q46T7JPXqiQS1CZGb8+r0fnQ"
    + "wqSga76lZtTYQ4oAH2qh+1gM2xd0mlc8T9jDpaqPZEpuL/awyE6d1SzJ+VBX4k9n/VFUjj4W9sXZuaIWjrvLcKSa"
    + "pb7gQV5D4murFTJRtOk0gOpsJnUu2Lj59wIDAQAB"
  static let rsa1024 =
    "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCul4tCS0S3GN3yv5SztSm6J2kSRSazwwiUsP6sHt/OvcGA31rs"
    + "Yz9tPVFaT8Bn0iwZjlaMWiNDiUA4ruQIEpsXpUYifZhumHoZV+3k+msN3wc5G+WcUmwGRkBm4ozPE+awsuX7NvG8"
    + "mpXiX7hm3SXiYF+MgcfWL0iRygUTTdrpdwIDAQAB"
  static let rsa512 =
    "MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAKjyUxieiA/hJz15vbqiPn9ccP03WDqFP9BpWFzPWxJl0B7w9GYuM+8e"
    + "E3Xelic0vLgFuQp2Y3sHNQXgqeQHp20CAwEAAQ=="
  static let ed25519 = "cTsfsd2BHWBb2e24QD2hitLj173798SnXBL3UcJxWbI="

  /// Zone-file rdata for a TXT value: quoted strings of at most 80 bytes inside parentheses, one
  /// per line, so example zones stay readable; the strings concatenate back to `value`.
  static func txt(_ value: String) -> String {
    let bytes = Array(value.utf8)
    let strings = stride(from: 0, to: max(bytes.count, 1), by: 80).map { start in
      String(decoding: bytes[start..<min(start + 80, bytes.count)], as: UTF8.self)
    }
    return "( " + strings.map { "\"\($0)\"" }.joined(separator: "\n    ") + " )"
  }
}
