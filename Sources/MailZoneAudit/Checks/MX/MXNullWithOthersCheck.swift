/// A null MX published beside ordinary MX records.
public struct MXNullWithOthersCheck: Check {
  public static let description = CheckDescription(
    id: "mx.null-mx-with-others", family: .mx, title: "Null MX beside other MX records",
    summary: "The domain publishes the null MX (0 .) and other MX records, which RFC 7505 forbids.",
    rationale: """
      RFC 7505 §3: "A domain that advertises a null MX MUST NOT advertise any other MX RR." The
      null MX says the domain accepts no mail; the other records say where to deliver it.
      Senders disagree on which wins: some bounce everything at once, others try the real
      hosts. Keep the null MX only if the domain receives no mail; otherwise remove it.
      """,
    severity: .error, references: ["RFC 7505 §3"],
    examples: [
      CheckExample(
        .passes, domain: "nomail.test", note: "only the null MX",
        zone: """
          \(ExampleZone.header("nomail.test"))
          @ 300 MX 0 .
          """),
      CheckExample(
        .fails, domain: "mixed.test", note: "null MX and a mail server",
        zone: """
          \(ExampleZone.header("mixed.test"))
          @ 300 MX 0 .
          @ 300 MX 10 mail.mixed.test.
          mail 300 A 192.0.2.25
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let records = snapshot.mx.answer.records
    let others = records.filter { !$0.isNullMX }
    guard snapshot.mx.nullMX, !others.isEmpty else { return [] }
    let hosts = others.map { "\($0.preference) \($0.exchange)" }.joined(separator: ", ")
    return [
      finding(
        "\(snapshot.domain) publishes a null MX (0 .) and \(others.count) other MX record(s) (\(hosts)): "
          + "remove the null MX if the domain receives mail, or the others if it does not",
        subject: "\(snapshot.domain) MX")
    ]
  }
}
