import Crypto

/// SHA-256 as lower-case hex, for pinning downloaded suites (swift-crypto does the hashing).
public enum SHA256Digest {
  public static func hex(_ bytes: [UInt8]) -> String {
    Crypto.SHA256.hash(data: bytes).map { byte in
      let digits = String(byte, radix: 16)
      return digits.count == 1 ? "0" + digits : digits
    }.joined()
  }
}
