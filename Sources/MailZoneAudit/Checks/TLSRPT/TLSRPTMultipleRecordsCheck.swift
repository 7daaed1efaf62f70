/// Several `v=TLSRPTv1` records at `_smtp._tls`.
public struct TLSRPTMultipleRecordsCheck: Check {
  public static let description = CheckDescription(
    id: "tls-rpt.multiple-records", family: .tlsRPT, title: "Several TLS-RPT records",
    summary: "More than one v=TLSRPTv1 TXT record at _smtp._tls, so senders send no TLS reports.",
    rationale: """
      RFC 8460 §3: records that do not begin with `v=TLSRPTv1;` are discarded, and "if the number
      of resulting records is not one, senders MUST assume the recipient domain does not implement
      TLSRPT." To send reports to several places, list them in one `rua=`, separated by commas.
      """,
    severity: .error, references: ["RFC 8460 §3"],
    examples: [
      CheckExample(
        .passes, domain: "both.test", note: "two destinations in one record",
        zone: """
          \(ExampleZone.header("both.test"))
          _smtp._tls 300 TXT "v=TLSRPTv1; rua=mailto:tlsrpt@both.test,https://reports.both.test/tls"
          """),
      CheckExample(
        .fails, domain: "split.test", note: "one record per destination",
        zone: """
          \(ExampleZone.header("split.test"))
          _smtp._tls 300 TXT "v=TLSRPTv1; rua=mailto:tlsrpt@split.test"
          _smtp._tls 300 TXT "v=TLSRPTv1; rua=https://reports.split.test/tls"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let lookup = snapshot.policies.tlsRPT
    guard lookup.records.count > 1 else { return [] }
    let parsed = lookup.records.compactMap(\.record)
    // When every record parses, their destinations can be merged into one record.
    var fix: String?
    if parsed.count == lookup.records.count, var merged = parsed.first {
      var uris: [String] = []
      for uri in parsed.flatMap(\.reportURIs) where !uris.contains(uri) { uris.append(uri) }
      merged.reportURIs = uris
      fix = ZoneLine.txt(lookup.answer.name, merged.rendered)
    }
    return [
      finding(
        "\(lookup.records.count) TLS-RPT records at \(lookup.answer.name): senders send no reports at all; "
          + "merge them into one rua= list",
        subject: "\(lookup.answer.name) TXT", record: lookup.records.map(\.text).joined(separator: " | "), fix: fix)
    ]
  }
}
