/// A key record whose `k=` is neither rsa nor ed25519.
public struct DKIMUnknownKeyTypeCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.unknown-key-type", family: .dkim, title: "Unknown DKIM key type",
    summary: "A key record whose k= names a key type no verifier implements.",
    rationale: """
      DKIM defines two key types: `rsa` (RFC 6376 §3.6.1, the default) and `ed25519` (RFC 8463
      §4). A verifier given an unknown `k=` cannot use the key and fails the signature (RFC 6376
      §6.1.2). `k=ecdsa`, `k=dsa` or a typo such as `k=rsa256` are the usual causes; write the
      type the signer's key has.
      """,
    severity: .error, references: ["RFC 6376 §3.6.1", "RFC 8463 §4", "RFC 6376 §6.1.2"],
    examples: [
      CheckExample(
        .passes, domain: "typed.test", note: "k=ed25519",
        zone: """
          \(ExampleZone.header("typed.test"))
          ed25519._domainkey 300 TXT "v=DKIM1; k=ed25519; p=\(DKIMExampleKeys.ed25519)"
          """),
      CheckExample(
        .fails, domain: "ecdsa.test", note: "k=ecdsa",
        zone: """
          \(ExampleZone.header("ecdsa.test"))
          dkim._domainkey 300 TXT "v=DKIM1; k=ecdsa; p=\(DKIMExampleKeys.ed25519)"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.compactMap { key in
      guard let error = key.error, error.code == .unknownKeyType else { return nil }
      return finding(
        "\(key.label) declares k=\(key.keyType), a key type no verifier supports: use rsa or ed25519\(key.ownerHint)",
        subject: key.subject, record: key.text, offset: error.offset)
    }
  }
}
