/// The domain's TXT records are reached through a CNAME: someone else's record answers for it.
public struct SPFViaCNAMECheck: Check {
  public static let description = CheckDescription(
    id: "spf.via-cname", family: .spf, title: "SPF reached through a CNAME",
    summary: "The domain is a CNAME, so its SPF record is whatever the CNAME target publishes.",
    rationale: """
      Resolvers follow CNAMEs, so a domain that is an alias has the SPF record of its target
      (RFC 7208 §4.3 evaluates what the TXT query returns). That works, but the record is then
      controlled by the target's owner, changes when they change it, and the `a` and `mx` terms
      in it still refer to the domain being checked, not to the target (§4.6.4 `<domain>`). A
      CNAME also excludes every other record at the name (RFC 1034 §3.6.2): no MX or DMARC-
      relevant data of its own, and none at all at a zone apex. Informational: check that the
      delegation is intended.
      """,
    severity: .info, references: ["RFC 7208 §4.3", "RFC 1034 §3.6.2", "RFC 2181 §10.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the record is at the domain",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "news.acme.test", note: "a subdomain aliased to an ESP",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          news 300 CNAME acme.esp.test.
          """,
        extraZones: [
          """
          $ORIGIN esp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          acme 300 TXT "v=spf1 ip4:203.0.113.0/24 -all"
          """
        ]),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard !spf.txt.cnameChain.isEmpty, spf.exists == true else { return [] }
    let chain = ([snapshot.domain] + spf.txt.cnameChain.map(\.target)).map(\.description).joined(separator: " → ")
    return [
      finding(
        "the SPF record of \(snapshot.domain) comes through a CNAME (\(chain)): it is whatever "
          + "\(spf.txt.canonicalName) publishes", subject: "\(snapshot.domain) CNAME", record: spf.record)
    ]
  }
}
