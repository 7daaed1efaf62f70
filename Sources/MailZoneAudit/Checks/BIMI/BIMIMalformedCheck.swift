/// A `default._bimi` record that starts with `v=BIMI1` but does not parse.
public struct BIMIMalformedCheck: Check {
  public static let description = CheckDescription(
    id: "bimi.malformed", family: .bimi, title: "Malformed BIMI record",
    summary: "The default._bimi TXT record does not follow the BIMI grammar, so no logo is shown.",
    rationale: """
      A BIMI assertion record is `v=BIMI1; l=<https URI of an SVG>[; a=<https URI of the evidence
      document>]` (BIMI draft §4.2). A receiver that cannot parse it shows no indicator. Tags
      appear once each; `l=` is required and may be empty to decline. A URI that is not https is
      reported by `bimi.location-not-https`.
      """,
    severity: .error, references: ["draft-brand-indicators-for-message-identification §4.2"],
    examples: [
      CheckExample(
        .passes, domain: "brand.test", note: "a valid record",
        zone: """
          \(ExampleZone.header("brand.test"))
          default._bimi 300 TXT "v=BIMI1; l=https://brand.test/logo.svg"
          """),
      CheckExample(
        .fails, domain: "nol.test", note: "no l= tag",
        zone: """
          \(ExampleZone.header("nol.test"))
          default._bimi 300 TXT "v=BIMI1; a=https://nol.test/vmc.pem"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let lookup = snapshot.policies.bimi
    return lookup.records.compactMap { record in
      guard let error = record.error, BIMILocation(record.text).insecure.isEmpty else { return nil }
      return finding(
        "the BIMI record does not parse: \(error.message); receivers show no indicator",
        subject: "\(lookup.answer.name) TXT", record: record.text, offset: error.offset)
    }
  }
}
