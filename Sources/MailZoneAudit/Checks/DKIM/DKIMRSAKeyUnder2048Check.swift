/// An RSA key of 1024 to 2047 bits: accepted today, below what signers should use.
public struct DKIMRSAKeyUnder2048Check: Check {
  public static let description = CheckDescription(
    id: "dkim.rsa-key-under-2048", family: .dkim, title: "RSA key under 2048 bits",
    summary: "An RSA key of 1024 to 2047 bits: still verified, but weaker than RFC 8301 asks signers to use.",
    rationale: """
      RFC 8301 §3.2: "Signers MUST use RSA keys of at least 1024 bits for all keys. Signers SHOULD
      use RSA keys of at least 2048 bits." 1024-bit RSA is within reach of well-funded attackers,
      and some receivers already score such signatures lower. Rotate to a 2048-bit key under a new
      selector (DNS TXT strings are limited to 255 bytes, so the key is split over several
      strings, which every resolver joins back).
      """,
    severity: .warning, references: ["RFC 8301 §3.2"],
    examples: [
      CheckExample(
        .passes, domain: "strong.test", note: "a 2048-bit key",
        zone: """
          \(ExampleZone.header("strong.test"))
          selector1._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .passes, domain: "ed.test", note: "an Ed25519 key is not an RSA key",
        zone: """
          \(ExampleZone.header("ed.test"))
          ed25519._domainkey 300 TXT "v=DKIM1; k=ed25519; p=\(DKIMExampleKeys.ed25519)"
          """),
      CheckExample(
        .fails, domain: "legacy.test", note: "a 1024-bit key",
        zone: """
          \(ExampleZone.header("legacy.test"))
          selector1._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa1024))
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.compactMap { key in
      guard let publicKey = key.record?.publicKey, publicKey.type == .rsa, (1024..<2048).contains(publicKey.bits)
      else { return nil }
      return finding(
        "\(key.label) publishes a \(publicKey.bits)-bit RSA key; signers should use at least 2048 bits "
          + "(RFC 8301 §3.2)\(key.ownerHint)",
        subject: key.subject, record: key.text, offset: key.offset(ofTag: "p"))
    }
  }
}
