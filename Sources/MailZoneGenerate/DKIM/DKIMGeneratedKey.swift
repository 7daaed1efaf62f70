public import MailZoneDNS
public import MailZoneRecords

/// A generated key pair: the private key as PKCS #8 PEM and the DNS record that publishes its public half.
public struct DKIMGeneratedKey: Sendable {
  public var selector: String
  public var domain: DNSName
  public var algorithm: DKIMKeyAlgorithm
  /// `-----BEGIN PRIVATE KEY-----` (PKCS #8, RFC 5208; Ed25519 per RFC 8410), as signers read it.
  public var privateKeyPEM: String
  /// The record, parsed back by ``DKIMKeyRecord/parse(_:)``, so what is printed is what a verifier reads.
  public var record: DKIMKeyRecord
  /// `<selector>._domainkey.<domain>. 3600 IN TXT "v=DKIM1; ..."`.
  public var zoneRecord: ZoneRecord
  /// Advice that does not stop generation (a 1024-bit key).
  public var warnings: [String]
}
