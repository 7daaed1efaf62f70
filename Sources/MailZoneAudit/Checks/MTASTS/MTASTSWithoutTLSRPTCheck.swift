import MailZoneRecords

/// MTA-STS announced with no TLS-RPT record to hear about delivery failures.
public struct MTASTSWithoutTLSRPTCheck: Check {
  public static let description = CheckDescription(
    id: "mta-sts.no-tls-rpt", family: .mtaSTS, title: "MTA-STS without TLS reporting",
    summary: "The domain announces MTA-STS but publishes no TLS-RPT record, so policy failures go unreported.",
    rationale: """
      With MTA-STS in `enforce` mode, a sender that cannot validate the MX certificate does not
      deliver (RFC 8461 §5). Without a TLS-RPT record at `_smtp._tls` (RFC 8460 §3), senders have
      nowhere to report those failures, and an expired certificate or a wrong `mx:` line in the
      policy silently stops inbound mail. RFC 8461 §6 recommends TLS-RPT alongside MTA-STS.
      """,
    severity: .warning, references: ["RFC 8460 §3", "RFC 8461 §6"],
    examples: [
      CheckExample(
        .passes, domain: "reported.test", note: "MTA-STS and TLS-RPT",
        zone: """
          \(ExampleZone.header("reported.test"))
          _mta-sts 300 TXT "v=STSv1; id=2024a"
          _smtp._tls 300 TXT "v=TLSRPTv1; rua=mailto:tlsrpt@reported.test"
          """),
      CheckExample(
        .fails, domain: "silent.test", note: "MTA-STS alone",
        zone: """
          \(ExampleZone.header("silent.test"))
          _mta-sts 300 TXT "v=STSv1; id=2024a"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let policies = snapshot.policies
    guard !policies.mtaSTS.records.isEmpty, policies.tlsRPT.records.isEmpty, policies.tlsRPT.failure == nil,
      policies.tlsRPT.answer.status.isConclusive
    else { return [] }
    let record = TLSRPTRecord(reportURIs: ["mailto:tlsrpt@\(snapshot.domain)"])
    return [
      finding(
        "\(snapshot.domain) announces MTA-STS but has no TLS-RPT record at \(policies.tlsRPT.answer.name): "
          + "senders cannot report TLS or policy failures; publish one (the fix uses a mailbox of the domain)",
        subject: "\(policies.tlsRPT.answer.name) TXT", fix: ZoneLine.txt(policies.tlsRPT.answer.name, record.rendered))
    ]
  }
}
