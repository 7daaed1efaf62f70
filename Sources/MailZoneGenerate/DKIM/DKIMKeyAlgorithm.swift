public import MailZoneRecords

/// The key a DKIM selector signs with: RSA of a given size (RFC 6376, RFC 8301) or Ed25519 (RFC 8463).
public enum DKIMKeyAlgorithm: Sendable, Hashable {
  case rsa(bits: Int)
  case ed25519

  /// RSA sizes `keygen` writes: RFC 8301 §3.2 makes 1024 the minimum, 2048 is the default.
  public static let rsaSizes = [1024, 2048, 3072, 4096]

  /// The `k=` tag value.
  public var keyType: DKIMKeyType {
    switch self {
    case .rsa: .rsa
    case .ed25519: .ed25519
    }
  }
}
