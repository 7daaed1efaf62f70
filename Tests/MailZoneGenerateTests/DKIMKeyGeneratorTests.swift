import Crypto
import Foundation
import MailZoneDNS
import MailZoneGenerate
import MailZoneRecords
import MailZoneTestSupport
import Testing
import _CryptoExtras

@Suite("DKIM keygen: keys that verify, records that parse back, key files only the owner reads")
struct DKIMKeyGeneratorTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var algorithm: DKIMKeyAlgorithm
    var bits: Int
    var testDescription: String { "\(algorithm.keyType.rawValue) \(bits)" }
  }

  static let cases = [
    Case(algorithm: .rsa(bits: 1024), bits: 1024), Case(algorithm: .rsa(bits: 2048), bits: 2048),
    Case(algorithm: .rsa(bits: 3072), bits: 3072), Case(algorithm: .ed25519, bits: 256),
  ]

  @Test("the printed record parses back with the key's type and size, and loads as a zone line", arguments: cases)
  func recordParsesBack(_ test: Case) throws {
    let key = try DKIMKeyGenerator.generate(
      selector: "mz2026", domain: Fixtures.name("acme.test"), algorithm: test.algorithm)
    #expect(key.zoneRecord.name == Fixtures.name("mz2026._domainkey.acme.test"))
    let zone = try ZoneFile(
      text: "$ORIGIN acme.test.\n@ 300 SOA ns h 1 2 3 4 5\n" + key.zoneRecord.bindLine + "\n", path: "keygen")
    let entry = try #require(zone.entries.first { $0.record.type == .txt })
    guard case .txt(let data) = entry.record.data else {
      Issue.record("not TXT")
      return
    }
    #expect(data.strings.allSatisfy { $0.count <= 255 })
    let parsed = try DKIMKeyRecord.parse(data.text)
    #expect(parsed.keyType == test.algorithm.keyType)
    #expect(parsed.keyBits == test.bits)
    #expect(parsed.isUsableForEmail)
    #expect(key.warnings.isEmpty == (test.bits != 1024), "only 1024-bit keys warn")
  }

  @Test("the private key signs what the published public key verifies (RFC 6376 rsa-sha256, RFC 8463 ed25519)")
  func privateMatchesPublic() throws {
    let message = Data("From: a@acme.test\r\nSubject: keygen\r\n".utf8)
    for algorithm in [DKIMKeyAlgorithm.rsa(bits: 2048), .ed25519] {
      let key = try DKIMKeyGenerator.generate(selector: "s1", domain: Fixtures.name("acme.test"), algorithm: algorithm)
      let published = try #require(Data(base64Encoded: key.record.publicKeyBase64))
      #expect(key.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----\n"))
      try #expect(Self.verifies(pem: key.privateKeyPEM, published: published, algorithm: algorithm, message: message))
      let other = try DKIMKeyGenerator.generate(
        selector: "s1", domain: Fixtures.name("acme.test"), algorithm: algorithm)
      try #expect(
        !Self.verifies(pem: other.privateKeyPEM, published: published, algorithm: algorithm, message: message))
    }
  }

  /// Signs `message` with the PEM's key and verifies it with the `p=` bytes.
  static func verifies(pem: String, published: Data, algorithm: DKIMKeyAlgorithm, message: Data) throws -> Bool {
    switch algorithm {
    case .rsa:
      let privateKey = try _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem)
      let signature = try privateKey.signature(for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
      let publicKey = try _RSA.Signing.PublicKey(unsafeDERRepresentation: published)
      return publicKey.isValidSignature(signature, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
    case .ed25519:
      // RFC 8410 PKCS #8: a fixed 16-byte header, then the 32-byte seed.
      let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
      let der = try #require(Data(base64Encoded: body))
      try #require(der.count == 48)
      #expect(
        Array(der.prefix(16)) == [
          0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
        ])
      let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
      let signature = try privateKey.signature(for: message)
      let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: published)
      return publicKey.isValidSignature(signature, for: message)
    }
  }

  @Test(
    "selectors that are not LDH labels are refused",
    arguments: ["", "-s", "s-", "a..b", "s_1", "s 1", ".s", String(repeating: "x", count: 64)])
  func badSelector(_ selector: String) {
    #expect(throws: DKIMKeyGenerationError.self) {
      try DKIMKeyGenerator.recordName(selector: selector, domain: Fixtures.name("acme.test"))
    }
  }

  @Test("multi-label selectors are accepted")
  func multiLabelSelector() throws {
    #expect(
      try DKIMKeyGenerator.recordName(selector: "2026.eu-1", domain: Fixtures.name("acme.test"))
        == Fixtures.name("2026.eu-1._domainkey.acme.test"))
  }

  @Test("RSA sizes outside 1024/2048/3072/4096 are refused")
  func badBits() {
    for bits in [512, 1536, 8192] {
      #expect(throws: DKIMKeyGenerationError.self) {
        try DKIMKeyGenerator.generate(selector: "s", domain: Fixtures.name("acme.test"), algorithm: .rsa(bits: bits))
      }
    }
  }

  @Test("the key file is created 0600, is not overwritten without force, and force keeps it 0600")
  func keyFile() throws {
    let path = NSTemporaryDirectory() + "mailzone-keyfile-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).pem"
    defer { unlink(path) }
    try PrivateKeyFile.write("first\n", to: path, overwrite: false)
    #expect(try Self.mode(path) == 0o600)
    let error = #expect(throws: PrivateKeyFile.WriteError.self) {
      try PrivateKeyFile.write("second\n", to: path, overwrite: false)
    }
    #expect(error?.exists == true)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first\n")
    chmod(path, 0o644)
    try PrivateKeyFile.write("third\n", to: path, overwrite: true)
    #expect(try Self.mode(path) == 0o600, "the replacement is a new 0600 file, not the old 0644 one")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "third\n")
  }

  static func mode(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return try #require(attributes[.posixPermissions] as? Int) & 0o777
  }
}
