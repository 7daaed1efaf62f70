/// More than 10 MX hosts: an SPF `mx` mechanism over the domain is a permerror.
public struct MXTooManyHostsCheck: Check {
  /// RFC 7208 §4.6.4's limit on the MX records one `mx` mechanism may look at.
  static let limit = 10

  public static let description = CheckDescription(
    id: "mx.too-many-hosts", family: .mx, title: "Too many MX hosts",
    summary: "The domain has more than 10 MX records, which breaks SPF mx mechanisms that name it.",
    rationale: """
      RFC 7208 §4.6.4: "the evaluation of each 'MX' record MUST NOT result in querying more than
      10 address records", and an `mx` mechanism over a domain with more MX records returns
      permerror. SPF records that say `mx` (or `mx:<domain>`) then fail for every message. More
      than a handful of MX hosts also adds little resilience; a few hosts behind load balancers
      serve the same purpose.
      """,
    severity: .warning, references: ["RFC 7208 §4.6.4", "RFC 5321 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "two.test", note: "two MX hosts",
        zone: """
          \(ExampleZone.header("two.test"))
          @ 300 MX 10 mx1.two.test.
          @ 300 MX 20 mx2.two.test.
          mx1 300 A 192.0.2.1
          mx2 300 A 192.0.2.2
          """),
      CheckExample(
        .fails, domain: "many.test", note: "eleven MX hosts",
        zone: """
          \(ExampleZone.header("many.test"))
          \((1...11).map { "@ 300 MX \($0) mx\($0).many.test.\nmx\($0) 300 A 192.0.2.\($0)" }.joined(separator: "\n"))
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let count = snapshot.mx.answer.records.filter { !$0.isNullMX }.count
    guard count > Self.limit else { return [] }
    return [
      finding(
        "\(snapshot.domain) has \(count) MX records: an SPF mx mechanism over it looks at more than \(Self.limit) "
          + "and returns permerror (RFC 7208 §4.6.4)",
        subject: "\(snapshot.domain) MX")
    ]
  }
}
