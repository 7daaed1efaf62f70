/// The `_dmarc` answer came through a CNAME: the policy is hosted by someone else.
public struct DMARCReachedViaCNAMECheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.via-cname", family: .dmarc, title: "DMARC record reached through a CNAME",
    summary: "_dmarc is an alias: the record that applies is published, and can be changed, at another name.",
    rationale: """
      Delegating `_dmarc` with a CNAME to a DMARC service is legitimate and common: the service can
      tighten the policy without DNS changes on the owner's side. It also means the policy changes
      without the owner's DNS changing, and disappears if the service's name lapses. Worth knowing
      who controls it.
      """,
    severity: .info, references: ["RFC 9989 §4.5", "RFC 1034 §3.6.2"],
    examples: [
      CheckExample(
        .passes, domain: "own.test", note: "the record is published directly",
        zone: """
          $ORIGIN own.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@own.test"
          """),
      CheckExample(
        .fails, domain: "hosted.test", note: "_dmarc is a CNAME to a DMARC service",
        zone: """
          $ORIGIN hosted.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 CNAME hosted.test._dmarc.service.test.
          """,
        extraZones: [
          """
          $ORIGIN service.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          hosted.test._dmarc 300 TXT "v=DMARC1; p=quarantine; rua=mailto:agg@service.test"
          """
        ]),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard dmarc.viaCNAME, let first = dmarc.cnameChain.first, let last = dmarc.cnameChain.last else { return [] }
    let what = dmarc.recordText == nil ? "the answer" : "the DMARC record"
    return [
      finding(
        "\(first.owner) is a CNAME to \(last.target): \(what) is published there, by whoever controls that name",
        subject: "\(first.owner) CNAME", record: dmarc.recordText)
    ]
  }
}
