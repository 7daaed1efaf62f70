/// A key whose `h=` allows only SHA-1, which verifiers must not accept.
public struct DKIMSHA1OnlyCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.sha1-only", family: .dkim, title: "DKIM key restricted to SHA-1",
    summary: "A key record whose h= does not allow sha256, so no signature with it can be valid.",
    rationale: """
      RFC 8301 §3.1: "Signers MUST sign using rsa-sha256. Verifiers MUST NOT consider signatures
      using rsa-sha1 valid." A key whose `h=` lists only `sha1` can verify nothing but `rsa-sha1`
      signatures, which receivers reject, and a sha256 signature is refused by the `h=` list
      itself (RFC 6376 §3.6.1). Drop `h=` (all algorithms) or set `h=sha256`.
      """,
    severity: .error, references: ["RFC 8301 §3.1", "RFC 6376 §3.6.1"],
    examples: [
      CheckExample(
        .passes, domain: "modern.test", note: "h=sha256",
        zone: """
          \(ExampleZone.header("modern.test"))
          mail._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; h=sha256; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .fails, domain: "legacy.test", note: "h=sha1 only",
        zone: """
          \(ExampleZone.header("legacy.test"))
          mail._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; h=sha1; p=" + DKIMExampleKeys.rsa2048))
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.compactMap { key in
      guard var record = key.record, !record.isRevoked, let hashes = record.hashAlgorithms, !hashes.contains("sha256")
      else { return nil }
      record.hashAlgorithms = ["sha256"]
      return finding(
        "\(key.label) allows only \(hashes.joined(separator: ":")) (h=): verifiers must not accept rsa-sha1 "
          + "signatures, so nothing signed with this key verifies\(key.ownerHint)",
        subject: key.subject, record: key.text, offset: key.offset(ofTag: "h"), fix: key.fix(record))
    }
  }
}
