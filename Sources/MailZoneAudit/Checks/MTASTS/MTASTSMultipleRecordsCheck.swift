/// Several `v=STSv1` records at `_mta-sts`.
public struct MTASTSMultipleRecordsCheck: Check {
  public static let description = CheckDescription(
    id: "mta-sts.multiple-records", family: .mtaSTS, title: "Several MTA-STS records",
    summary: "More than one v=STSv1 TXT record at _mta-sts, so senders ignore MTA-STS for the domain.",
    rationale: """
      RFC 8461 §3.1: records that do not begin with `v=STSv1;` are discarded, and when the number
      of remaining records is not one, senders must act as if the domain had no MTA-STS policy.
      Two records usually mean an old `id` left behind after an update: keep the one with
      the current `id`.
      """,
    severity: .error, references: ["RFC 8461 §3.1"],
    examples: [
      CheckExample(
        .passes, domain: "one.test", note: "one record",
        zone: """
          \(ExampleZone.header("one.test"))
          _mta-sts 300 TXT "v=STSv1; id=2024a"
          _smtp._tls 300 TXT "v=TLSRPTv1; rua=mailto:tlsrpt@one.test"
          """),
      CheckExample(
        .fails, domain: "two.test", note: "the old record was not removed",
        zone: """
          \(ExampleZone.header("two.test"))
          _mta-sts 300 TXT "v=STSv1; id=2023a"
          _mta-sts 300 TXT "v=STSv1; id=2024a"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let lookup = snapshot.policies.mtaSTS
    guard lookup.records.count > 1 else { return [] }
    return [
      finding(
        "\(lookup.records.count) MTA-STS records at \(lookup.answer.name): senders treat the domain as not "
          + "supporting MTA-STS; keep only the current one",
        subject: "\(lookup.answer.name) TXT", record: lookup.records.map(\.text).joined(separator: " | "))
    ]
  }
}
