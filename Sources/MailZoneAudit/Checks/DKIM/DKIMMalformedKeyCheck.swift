/// A key record that does not parse: bad base64, a `p=` that is no key, broken tags.
public struct DKIMMalformedKeyCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.malformed-key", family: .dkim, title: "Malformed DKIM key record",
    summary: "A key record at a selector does not parse, so signatures with that selector fail.",
    rationale: """
      A verifier that gets a key record it cannot parse ignores it and fails the signature with
      PERMFAIL, key syntax error (RFC 6376 §6.1.2). Usual
      causes: base64 damaged when pasting (quotes, spaces or a truncated string), a `p=` holding a
      certificate or a private key, `v=` not first, a tag without `=`. The offset points at the
      first offending byte; publish the key exactly as the signer generated it.
      """,
    severity: .error, references: ["RFC 6376 §3.6.1", "RFC 6376 §6.1.2"],
    examples: [
      CheckExample(
        .passes, domain: "clean.test", note: "a well-formed key record",
        zone: """
          \(ExampleZone.header("clean.test"))
          default._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .fails, domain: "pasted.test", note: "the base64 was damaged",
        zone: """
          \(ExampleZone.header("pasted.test"))
          default._domainkey 300 TXT "v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ!!not-base64!!"
          """),
      CheckExample(
        .fails, domain: "order.test", note: "v= is not the first tag",
        zone: """
          \(ExampleZone.header("order.test"))
          default._domainkey 300 TXT "k=rsa; v=DKIM1; p=\(DKIMExampleKeys.rsa512)"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.compactMap { key in
      // An unknown k= has its own check.
      guard let error = key.error, error.code != .unknownKeyType else { return nil }
      return finding(
        "\(key.label) has a key record that does not parse: \(error.message)\(key.ownerHint)",
        subject: key.subject, record: key.text, offset: error.offset)
    }
  }
}
