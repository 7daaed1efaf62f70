import MailZoneRecords

/// A record with neither `all` nor `redirect`: unlisted servers get `neutral` by default.
public struct SPFNoAllCheck: Check {
  public static let description = CheckDescription(
    id: "spf.no-all", family: .spf, title: "SPF record without `all`",
    summary: "The record has no `all` and no `redirect`, so servers it does not list get `neutral`.",
    rationale: """
      When no mechanism matches and there is no `redirect=`, check_host() returns `neutral`
      (RFC 7208 §4.7): the record lists who may send but says nothing about everyone else, so
      forged mail is treated as if the domain had no SPF. This is almost always an oversight.
      End the record with `~all` (mark unlisted mail) or, once every sender is listed, `-all`.
      """,
    severity: .warning, references: ["RFC 7208 §4.7", "RFC 7208 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a redirect decides for unlisted servers",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.1 redirect=_spf.acme.test"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "no all: fix adds ~all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 mx"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let final = spf.tree.root.finalRecord, final.firstAll == nil, let text = final.records.first else {
      return []
    }
    var fix: String?
    if final.id == 0, let parsed = spf.parsed {
      fix = spf.fixLine(SPFRecord(terms: parsed.terms + [SPFTerm(.directive(.softfail, .all))]))
    }
    let whose = final.id == 0 ? "the record" : "the record of \(final.domain), the redirect target,"
    return [
      finding(
        "\(whose) has no 'all' and no 'redirect': mail from servers it does not list gets 'neutral', "
          + "as if there were no SPF", subject: "\(final.domain) TXT", record: text, offset: text.utf8.count,
        fix: fix)
    ]
  }
}
