import MailZoneRecords

/// `~all` rather than `-all`: advice on the trade-off.
public struct SPFSoftfailAllCheck: Check {
  public static let description = CheckDescription(
    id: "spf.softfail-all", family: .spf, title: "SPF ends in `~all`, not `-all`",
    summary: "The record ends in `~all` (softfail): unlisted mail is marked, not refused.",
    rationale: """
      `~all` asks receivers to accept mail from unlisted servers but treat it as suspicious
      (RFC 7208 §8.5); `-all` says it is not authorized (§8.4). With a DMARC policy of
      `quarantine` or `reject` the difference is small, because DMARC decides and looks at DKIM
      too, and `~all` is then the safer choice: forwarded mail that fails SPF but carries a valid
      DKIM signature is not refused by receivers that act on `-all` before DMARC. Without an
      enforcing DMARC policy, `-all` is the only firm signal receivers get. Move to `-all` once
      every server that sends for the domain is listed.
      """,
    severity: .info, references: ["RFC 7208 §8.4", "RFC 7208 §8.5", "RFC 7489 §10.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "ends in -all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "~all: the -all version is offered",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ~all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let final = spf.tree.root.finalRecord, let all = final.firstAll, all.qualifier == .softfail else {
      return []
    }
    let fix = final.id == 0 ? spf.fix(replacing: all.offset, with: SPFTerm(.directive(.fail, .all))) : nil
    return [
      finding(
        "'\(all.text)' marks mail from unlisted servers as suspicious but lets it in; once every sender is "
          + "listed, '-all' lets receivers refuse forgeries", term: all, of: final, fix: fix)
    ]
  }
}
