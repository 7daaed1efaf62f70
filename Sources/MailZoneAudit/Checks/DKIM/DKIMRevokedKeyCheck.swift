/// A selector whose key record has an empty `p=`: the key is revoked.
public struct DKIMRevokedKeyCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.revoked-key", family: .dkim, title: "Revoked DKIM key",
    summary: "A selector publishes an empty p=, so every signature made with it fails.",
    rationale: """
      "An empty value means that this public key has been revoked" (RFC 6376 §3.6.1): a verifier
      treats signatures with the selector as failed. Revoking a retired selector is good practice
      during a key rotation, so this is informational: make sure no sender still signs with it,
      and remove the record once mail signed with it can no longer be in transit. A revoked
      `*._domainkey` wildcard on a domain that sends no mail is deliberate and not reported.
      """,
    severity: .info, references: ["RFC 6376 §3.6.1", "RFC 6376 §6.1.2"],
    examples: [
      CheckExample(
        .passes, domain: "live.test", note: "the selector holds a key",
        zone: """
          \(ExampleZone.header("live.test"))
          default._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .passes, domain: "parked.test", note: "a wildcard revocation on a parked domain",
        zone: """
          \(ExampleZone.header("parked.test"))
          @ 300 MX 0 .
          @ 300 TXT "v=spf1 -all"
          *._domainkey 300 TXT "v=DKIM1; p="
          """),
      CheckExample(
        .fails, domain: "rotated.test", note: "an old selector left revoked",
        zone: """
          \(ExampleZone.header("rotated.test"))
          default._domainkey 300 TXT "v=DKIM1; k=rsa; p="
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.filter { $0.isRevoked && !$0.isWildcard }.map { key in
      finding(
        "\(key.label) publishes a revoked key (empty p=): any message still signed with it fails DKIM",
        subject: key.subject, record: key.text, offset: key.offset(ofTag: "p"))
    }
  }
}
