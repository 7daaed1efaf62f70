/// A BIMI `l=` or `a=` URI that is not https.
public struct BIMILocationNotHTTPSCheck: Check {
  public static let description = CheckDescription(
    id: "bimi.location-not-https", family: .bimi, title: "BIMI location not https",
    summary: "A BIMI record points to its logo or evidence document with a URI that is not https.",
    rationale: """
      The indicator (`l=`) and the evidence document (`a=`) must be fetched over HTTPS (BIMI draft
      §4.2: the URIs are https only), so that what the receiver shows cannot be swapped on the
      way. A receiver ignores a record with an `http:` URI, and the brand's logo is not shown.
      Serve the files over HTTPS and write `https:` in the record.
      """,
    severity: .error, references: ["draft-brand-indicators-for-message-identification §4.2", "RFC 9110 §4.2.2"],
    examples: [
      CheckExample(
        .passes, domain: "secure.test", note: "https URIs",
        zone: """
          \(ExampleZone.header("secure.test"))
          default._bimi 300 TXT "v=BIMI1; l=https://secure.test/logo.svg; a=https://secure.test/vmc.pem"
          """),
      CheckExample(
        .fails, domain: "plain.test", note: "the logo is served over http",
        zone: """
          \(ExampleZone.header("plain.test"))
          default._bimi 300 TXT "v=BIMI1; l=http://plain.test/logo.svg"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let lookup = snapshot.policies.bimi
    return lookup.records.flatMap { record in
      let location = BIMILocation(record.text)
      return location.insecure.map { tag in
        finding(
          "\(tag.name)=\(tag.value) is not an https URI: receivers ignore the BIMI record",
          subject: "\(lookup.answer.name) TXT", record: record.text, offset: tag.valueOffset,
          fix: location.fixed.map { ZoneLine.txt(lookup.answer.name, $0) })
      }
    }
  }
}
