import Crypto
import Foundation
public import MailZoneDNS
import MailZoneRecords
import _CryptoExtras

/// Generates DKIM keys with swift-crypto and writes the selector record for them.
public enum DKIMKeyGenerator {
  /// The TTL of the printed record: an hour, so a mistaken key is replaced the same day.
  public static let ttl: UInt32 = 3600

  /// `<selector>._domainkey.<domain>`, after checking the selector is one or more LDH labels
  /// (RFC 6376 §3.1: `selector = sub-domain *( "." sub-domain )`).
  public static func recordName(selector: String, domain: DNSName) throws(DKIMKeyGenerationError) -> DNSName {
    let labels = selector.split(separator: ".", omittingEmptySubsequences: false)
    guard !selector.isEmpty, labels.allSatisfy(isSubDomainLabel) else {
      throw DKIMKeyGenerationError(
        .invalidSelector,
        "selector '\(selector)' is not a sequence of letter-digit-hyphen labels (rfc 6376 §3.1)")
    }
    guard !domain.isRoot else { throw DKIMKeyGenerationError(.invalidDomain, "the root is not a signing domain") }
    do {
      return try DNSName("\(selector)._domainkey.\(domain)")
    } catch {
      throw DKIMKeyGenerationError(
        .invalidDomain, "\(selector)._domainkey.\(domain) is not a valid DNS name: \(error)")
    }
  }

  /// Generates a key and its record; the record is parsed back and its key checked against the key pair.
  public static func generate(
    selector: String, domain: DNSName, algorithm: DKIMKeyAlgorithm
  ) throws(DKIMKeyGenerationError) -> DKIMGeneratedKey {
    let name = try recordName(selector: selector, domain: domain)
    let material = try makeKey(algorithm)
    let text = "v=DKIM1; k=\(algorithm.keyType.rawValue); p=\(material.publicKey.base64EncodedString())"
    let record: DKIMKeyRecord
    do {
      record = try DKIMKeyRecord.parse(text)
    } catch {
      throw DKIMKeyGenerationError(.verificationFailed, "the generated record does not parse: \(error)")
    }
    guard record.keyType == algorithm.keyType, record.keyBits == material.bits else {
      throw DKIMKeyGenerationError(
        .verificationFailed, "the generated record reads back as \(record.keyBits ?? 0) bits, not \(material.bits)")
    }
    var warnings: [String] = []
    if case .rsa(1024) = algorithm {
      warnings.append(
        "1024-bit RSA is the minimum RFC 8301 §3.2 allows; verifiers are moving to 2048 bits, use --bits 2048")
    }
    return DKIMGeneratedKey(
      selector: selector, domain: domain, algorithm: algorithm, privateKeyPEM: material.pem, record: record,
      zoneRecord: ZoneRecord(name: name, type: .txt, ttl: ttl, value: record.rendered), warnings: warnings)
  }

  private struct Material {
    var pem: String
    var publicKey: Data
    var bits: Int
  }

  private static func makeKey(_ algorithm: DKIMKeyAlgorithm) throws(DKIMKeyGenerationError) -> Material {
    switch algorithm {
    case .ed25519:
      let key = Curve25519.Signing.PrivateKey()
      return Material(
        pem: Ed25519PEM.privateKey(seed: key.rawRepresentation), publicKey: key.publicKey.rawRepresentation,
        bits: 256)
    case .rsa(let bits):
      guard DKIMKeyAlgorithm.rsaSizes.contains(bits) else {
        let sizes = DKIMKeyAlgorithm.rsaSizes.map(String.init).joined(separator: ", ")
        throw DKIMKeyGenerationError(.unsupportedKeySize, "RSA keys are \(sizes) bits, not \(bits)")
      }
      do {
        // swift-crypto's checked initializer stops at 2048; 1024 is still valid DKIM (RFC 8301 §3.2).
        let key = try _RSA.Signing.PrivateKey(unsafeKeySize: _RSA.Signing.KeySize(bitCount: bits))
        // RFC 6376 §3.6.1: p= is the DER SubjectPublicKeyInfo.
        return Material(pem: key.pkcs8PEMRepresentation, publicKey: key.publicKey.derRepresentation, bits: bits)
      } catch {
        throw DKIMKeyGenerationError(.cryptoFailure, "RSA key generation failed: \(error)")
      }
    }
  }

  /// `Let-dig [Ldh-str]` (RFC 5321 §4.1.2), at most 63 octets.
  private static func isSubDomainLabel(_ label: Substring) -> Bool {
    let bytes = Array(label.utf8)
    guard let first = bytes.first, let last = bytes.last, bytes.count <= 63 else { return false }
    func letDig(_ byte: UInt8) -> Bool {
      (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
    return letDig(first) && letDig(last) && bytes.allSatisfy { letDig($0) || $0 == 0x2D }
  }
}
