/// Ed25519 keys and no usable RSA key: many verifiers cannot check the signatures yet.
public struct DKIMEd25519OnlyCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.ed25519-only", family: .dkim, title: "Ed25519 DKIM key without an RSA companion",
    summary: "The domain publishes Ed25519 keys but no usable RSA key, which many receivers cannot verify yet.",
    rationale: """
      Ed25519-SHA256 (RFC 8463) is a good algorithm, but verifier support is still incomplete, so
      it is deployed beside RSA: a message may carry one signature of each kind (RFC 6376 §4.2
      lets a verifier pass on any one valid signature). A receiver that does not implement it treats the signature as unverifiable, so mail signed
      only with Ed25519 fails DKIM there. Sign with both and publish a 2048-bit RSA key under a
      second selector. Only the selectors the audit probed are considered.
      """,
    severity: .info, references: ["RFC 8463 §3", "RFC 6376 §4.2"],
    examples: [
      CheckExample(
        .passes, domain: "dual.test", note: "Ed25519 and RSA side by side",
        zone: """
          \(ExampleZone.header("dual.test"))
          ed25519._domainkey 300 TXT "v=DKIM1; k=ed25519; p=\(DKIMExampleKeys.ed25519)"
          rsa._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .fails, domain: "edonly.test", note: "only an Ed25519 key",
        zone: """
          \(ExampleZone.header("edonly.test"))
          ed25519._domainkey 300 TXT "v=DKIM1; k=ed25519; p=\(DKIMExampleKeys.ed25519)"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let keys = snapshot.dkim.keys.filter(\.isValid)
    guard let first = keys.first(where: { $0.record?.keyType == .ed25519 }),
      !keys.contains(where: { $0.record?.keyType == .rsa })
    else { return [] }
    let selectors = keys.map { "'\($0.selector)'" }.joined(separator: ", ")
    return [
      finding(
        "only Ed25519 keys were found (\(selectors)): receivers without RFC 8463 support cannot verify the "
          + "domain's signatures; sign with an RSA key as well",
        subject: first.subject, record: first.text)
    ]
  }
}
