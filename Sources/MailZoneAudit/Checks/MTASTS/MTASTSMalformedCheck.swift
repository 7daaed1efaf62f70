/// An `_mta-sts` TXT record that starts with `v=STSv1` but does not parse.
public struct MTASTSMalformedCheck: Check {
  public static let description = CheckDescription(
    id: "mta-sts.malformed", family: .mtaSTS, title: "Malformed MTA-STS record",
    summary: "The _mta-sts TXT record does not follow the RFC 8461 grammar, so senders ignore the policy.",
    rationale: """
      RFC 8461 §3.1: when the record is syntactically invalid, senders must act as if the domain
      had no MTA-STS policy, so its mail is again open to downgrade attacks. The record needs `v=STSv1` first and an `id=` of
      1 to 32 letters and digits, separated by `;`. Change `id` whenever the policy file at
      `https://mta-sts.<domain>/.well-known/mta-sts.txt` changes, so senders fetch it again.
      """,
    severity: .error, references: ["RFC 8461 §3.1"],
    examples: [
      CheckExample(
        .passes, domain: "sts.test", note: "a valid record",
        zone: """
          \(ExampleZone.header("sts.test"))
          _mta-sts 300 TXT "v=STSv1; id=20240101T000000"
          _smtp._tls 300 TXT "v=TLSRPTv1; rua=mailto:tlsrpt@sts.test"
          """),
      CheckExample(
        .fails, domain: "dashed.test", note: "the id has characters the grammar does not allow",
        zone: """
          \(ExampleZone.header("dashed.test"))
          _mta-sts 300 TXT "v=STSv1; id=2024-01-01"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let lookup = snapshot.policies.mtaSTS
    return lookup.records.compactMap { record in
      guard let error = record.error else { return nil }
      return finding(
        "the MTA-STS record does not parse: \(error.message); senders ignore the policy",
        subject: "\(lookup.answer.name) TXT", record: record.text, offset: error.offset)
    }
  }
}
