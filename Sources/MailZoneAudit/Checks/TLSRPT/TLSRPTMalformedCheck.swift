/// A `_smtp._tls` record that starts with `v=TLSRPTv1` but does not parse.
public struct TLSRPTMalformedCheck: Check {
  public static let description = CheckDescription(
    id: "tls-rpt.malformed", family: .tlsRPT, title: "Malformed TLS-RPT record",
    summary: "The _smtp._tls TXT record does not follow the RFC 8460 grammar, so no TLS reports are sent.",
    rationale: """
      The record is `v=TLSRPTv1; rua=<uri>[,<uri>]`, with `mailto:` or `https:` URIs (RFC 8460
      §3). A sender that cannot parse it sends no reports, and TLS or MTA-STS failures on the way
      to the domain go unnoticed. Commas, semicolons and `!` inside a URI must be %-encoded.
      """,
    severity: .error, references: ["RFC 8460 §3"],
    examples: [
      CheckExample(
        .passes, domain: "rpt.test", note: "a valid record",
        zone: """
          \(ExampleZone.header("rpt.test"))
          _smtp._tls 300 TXT "v=TLSRPTv1; rua=mailto:tlsrpt@rpt.test"
          """),
      CheckExample(
        .fails, domain: "norua.test", note: "no rua= tag",
        zone: """
          \(ExampleZone.header("norua.test"))
          _smtp._tls 300 TXT "v=TLSRPTv1; ruf=mailto:tlsrpt@norua.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let lookup = snapshot.policies.tlsRPT
    return lookup.records.compactMap { record in
      guard let error = record.error else { return nil }
      return finding(
        "the TLS-RPT record does not parse: \(error.message); senders send no TLS reports",
        subject: "\(lookup.answer.name) TXT", record: record.text, offset: error.offset)
    }
  }
}
