/// An RSA key shorter than 1024 bits: verifiers must reject its signatures.
public struct DKIMRSAKeyUnder1024Check: Check {
  public static let description = CheckDescription(
    id: "dkim.rsa-key-under-1024", family: .dkim, title: "RSA key under 1024 bits",
    summary: "An RSA key shorter than 1024 bits, whose signatures verifiers must not accept.",
    rationale: """
      RFC 8301 §3.2: "Verifiers MUST NOT consider signatures using RSA keys of less than 1024
      bits as valid signatures." A 512- or 768-bit modulus can be factored with modest
      resources, so anyone could sign as the domain. Generate a 2048-bit key, publish it under a
      new selector, switch the signer to it, then revoke the old selector (`p=`).
      """,
    severity: .error, references: ["RFC 8301 §3.2", "RFC 6376 §3.3.3"],
    examples: [
      CheckExample(
        .passes, domain: "strong.test", note: "a 2048-bit key",
        zone: """
          \(ExampleZone.header("strong.test"))
          dkim._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .fails, domain: "weak.test", note: "a 512-bit key",
        zone: """
          \(ExampleZone.header("weak.test"))
          dkim._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa512))
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.compactMap { key in
      guard let publicKey = key.record?.publicKey, publicKey.type == .rsa, publicKey.bits < 1024 else { return nil }
      return finding(
        "\(key.label) publishes a \(publicKey.bits)-bit RSA key: verifiers must not accept its signatures "
          + "(RFC 8301 §3.2); publish a 2048-bit key under a new selector\(key.ownerHint)",
        subject: key.subject, record: key.text, offset: key.offset(ofTag: "p"))
    }
  }
}
