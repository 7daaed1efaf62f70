/// A domain that does not exist: nothing else about it can be judged.
public struct NonexistentDomainCheck: Check {
  public static let description = CheckDescription(
    id: "domain.nonexistent", family: .domain, title: "The domain does not exist",
    summary: "The domain name answers NXDOMAIN: it has no records at all, so there is nothing to audit.",
    rationale: """
      An NXDOMAIN answer at the domain itself means no record of any type exists there. Mail from
      it fails every check a receiver makes (many reject a MAIL FROM whose domain does not
      resolve), and the other checks would only repeat that everything is missing. A typo in the
      domain list, an expired registration or a zone that was never delegated are the usual causes.
      The audit is marked incomplete (exit 2), because the domain asked about could not be read.
      """,
    severity: .error, references: ["RFC 8020 §2", "RFC 5321 §3.6.2"],
    examples: [
      CheckExample(
        .passes, domain: "here.test", note: "the domain exists (it has an SOA)",
        zone: """
          $ORIGIN here.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          """),
      CheckExample(
        .fails, domain: "typo.here.test", note: "no name typo.here.test in the zone",
        zone: """
          $ORIGIN here.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    guard !snapshot.domainExists else { return [] }
    return [
      finding(
        "\(snapshot.domain) does not exist (NXDOMAIN): check the name, its registration and its delegation",
        subject: "\(snapshot.domain)")
    ]
  }
}
