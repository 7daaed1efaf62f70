import SwiftASN1

/// A DKIM key type (`k=`): RFC 6376 §3.6.1, RFC 8463 §4.2.
public enum DKIMKeyType: String, Sendable, Hashable, CaseIterable {
  case rsa
  case ed25519
}

/// How the `p=` bytes encode the key.
public enum DKIMKeyFormat: String, Sendable, Hashable, CaseIterable {
  /// A DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7), what RFC 6376 §3.6.1 specifies for RSA.
  case spki
  /// A bare DER RSAPublicKey (RFC 8017 §A.1.1), which verifiers accept (RFC 6376 erratum 3017).
  case pkcs1
  /// The raw 32-byte Ed25519 key of RFC 8463 §4.2.
  case raw
}

/// The decoded `p=` key of a DKIM key record.
public struct DKIMPublicKey: Sendable, Hashable {
  /// The key type the bytes decoded as.
  public var type: DKIMKeyType
  /// The encoding of the bytes.
  public var format: DKIMKeyFormat
  /// The key size: RSA modulus bits, or 256 for Ed25519.
  public var bits: Int
  /// The decoded `p=` bytes.
  public var data: [UInt8]

  /// Decodes `data` as a key of `type`.
  ///
  /// - Throws: ``RecordParseError`` with `invalidPublicKey` (offset 0; callers rebase it).
  public static func decode(_ data: [UInt8], as type: DKIMKeyType) throws(RecordParseError) -> DKIMPublicKey {
    switch type {
    case .ed25519:
      // RFC 8463 §4.2: the base64 encoding of the raw 32-byte public key, not an SPKI.
      guard data.count == 32 else {
        let hint =
          data.count == 44 && data.starts(with: ed25519SPKIPrefix)
          ? "; this is a subjectpublickeyinfo: publish only its last 32 bytes" : ""
        throw RecordParseError(
          .invalidPublicKey, at: 0, "an ed25519 key is 32 raw bytes, this one is \(data.count)\(hint) (rfc 8463 §4.2)")
      }
      return DKIMPublicKey(type: .ed25519, format: .raw, bits: 256, data: data)
    case .rsa:
      return try decodeRSA(data)
    }
  }

  private static let ed25519SPKIPrefix: [UInt8] = [
    0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00,
  ]

  private static func decodeRSA(_ data: [UInt8]) throws(RecordParseError) -> DKIMPublicKey {
    let root: ASN1Node
    do {
      root = try DER.parse(data)
    } catch {
      throw RecordParseError(
        .invalidPublicKey, at: 0,
        "p= is not der: an rsa key is a subjectpublickeyinfo or rsapublickey (rfc 6376 §3.6.1)")
    }
    if let spki = try? SubjectPublicKeyInfo(derEncoded: root) {
      guard spki.algorithm == .rsaEncryption else {
        throw RecordParseError(
          .invalidPublicKey, at: 0,
          "the subjectpublickeyinfo holds a \(spki.algorithm) key, not rsaencryption (1.2.840.113549.1.1.1), but k=rsa (rfc 6376 §3.6.1)"
        )
      }
      guard spki.key.paddingBits == 0, let rsa = try? RSAPublicKey(derEncoded: Array(spki.key.bytes)) else {
        throw RecordParseError(
          .invalidPublicKey, at: 0, "the subjectpublickeyinfo does not wrap a valid rsapublickey (rfc 8017 §a.1.1)")
      }
      return DKIMPublicKey(type: .rsa, format: .spki, bits: try rsa.modulusBits(), data: data)
    }
    guard let rsa = try? RSAPublicKey(derEncoded: root) else {
      throw RecordParseError(
        .invalidPublicKey, at: 0, "p= is neither a subjectpublickeyinfo nor an rsapublickey (rfc 6376 §3.6.1)")
    }
    return DKIMPublicKey(type: .rsa, format: .pkcs1, bits: try rsa.modulusBits(), data: data)
  }
}

/// `SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }`
/// with `AlgorithmIdentifier ::= SEQUENCE { algorithm OBJECT IDENTIFIER, parameters ANY OPTIONAL }`
/// (RFC 5280 §4.1.1.2, §4.1.2.7).
private struct SubjectPublicKeyInfo: DERImplicitlyTaggable {
  static var defaultIdentifier: ASN1Identifier { .sequence }

  var algorithm: ASN1ObjectIdentifier
  var key: ASN1BitString

  init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
    (algorithm, key) = try DER.sequence(rootNode, identifier: identifier) { nodes in
      let algorithm = try DER.sequence(of: ASN1Any.self, identifier: .sequence, nodes: &nodes)
      guard let oidNode = algorithm.first, algorithm.count <= 2 else {
        throw ASN1Error.invalidASN1Object(reason: "bad AlgorithmIdentifier")
      }
      let oid = try ASN1ObjectIdentifier(asn1Any: oidNode)
      let key = try ASN1BitString(derEncoded: &nodes)
      return (oid, key)
    }
  }

  func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
    try coder.appendConstructedNode(identifier: identifier) { coder in
      try coder.appendConstructedNode(identifier: .sequence) { coder in try coder.serialize(algorithm) }
      try coder.serialize(key)
    }
  }
}

/// `RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }` (RFC 8017 §A.1.1).
private struct RSAPublicKey: DERImplicitlyTaggable {
  static var defaultIdentifier: ASN1Identifier { .sequence }

  var modulus: ArraySlice<UInt8>
  var publicExponent: ArraySlice<UInt8>

  init(derEncoded rootNode: ASN1Node, withIdentifier identifier: ASN1Identifier) throws {
    (modulus, publicExponent) = try DER.sequence(rootNode, identifier: identifier) { nodes in
      (try ArraySlice<UInt8>(derEncoded: &nodes), try ArraySlice<UInt8>(derEncoded: &nodes))
    }
  }

  func serialize(into coder: inout DER.Serializer, withIdentifier identifier: ASN1Identifier) throws {
    try coder.appendConstructedNode(identifier: identifier) { coder in
      try coder.serialize(modulus)
      try coder.serialize(publicExponent)
    }
  }

  /// The modulus size in bits. SwiftASN1 already rejects negative INTEGERs and strips the sign
  /// octet; zero is rejected here.
  func modulusBits() throws(RecordParseError) -> Int {
    let magnitude = modulus.drop { $0 == 0 }
    guard let top = magnitude.first, publicExponent.contains(where: { $0 != 0 }) else {
      throw RecordParseError(
        .invalidPublicKey, at: 0, "the rsa modulus and exponent must be positive integers (rfc 8017 §a.1.1)")
    }
    return magnitude.count * 8 - top.leadingZeroBitCount
  }
}

extension ASN1ObjectIdentifier {
  /// rsaEncryption, 1.2.840.113549.1.1.1 (RFC 8017 §A.1).
  fileprivate static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 1]
}
