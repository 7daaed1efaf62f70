import Foundation

/// PKCS #8 for Ed25519 keys (RFC 8410 §7), which swift-crypto does not write.
enum Ed25519PEM {
  /// `OneAsymmetricKey { version 0, AlgorithmIdentifier { id-Ed25519 1.3.101.112 },
  /// privateKey OCTET STRING { CurvePrivateKey OCTET STRING (32) } }` up to the seed (RFC 8410 §10.3).
  static let prefix: [UInt8] = [
    0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
  ]

  /// `-----BEGIN PRIVATE KEY-----` around the base64 DER, 64 characters a line (RFC 7468 §10).
  static func privateKey(seed: Data) -> String {
    let der = Data(prefix) + seed
    return pem(der, label: "PRIVATE KEY")
  }

  static func pem(_ der: Data, label: String) -> String {
    let base64 = Array(der.base64EncodedString())
    let lines = stride(from: 0, to: base64.count, by: 64).map { String(base64[$0..<min($0 + 64, base64.count)]) }
    return "-----BEGIN \(label)-----\n" + lines.joined(separator: "\n") + "\n-----END \(label)-----\n"
  }
}
