import MailZoneRecords

/// `?all`: unlisted servers get `neutral`, which protects the domain no better than no SPF.
public struct SPFNeutralAllCheck: Check {
  public static let description = CheckDescription(
    id: "spf.neutral-all", family: .spf, title: "SPF ends in `?all`",
    summary: "The record ends in `?all`: mail from servers it does not list is `neutral`, not refused.",
    rationale: """
      `?all` tells receivers to treat mail from any unlisted server exactly as if the domain had
      no SPF record (RFC 7208 §8.2): `neutral` carries no judgement, so forged mail is not marked
      and DMARC gets no SPF pass to weigh against it. It is meant for a short test phase. Use
      `~all` (softfail: accept but mark) while senders are still being found, then `-all`.
      """,
    severity: .warning, references: ["RFC 7208 §8.2", "RFC 7208 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "ends in ~all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ~all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "?all: fix is ~all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ?all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the redirect target ends in ?all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 redirect=_spf.acme.test"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 ?all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let final = spf.tree.root.finalRecord, let all = final.firstAll, all.qualifier == .neutral else {
      return []
    }
    let fix = final.id == 0 ? spf.fix(replacing: all.offset, with: SPFTerm(.directive(.softfail, .all))) : nil
    let via = final.id == 0 ? "" : " of \(final.domain), the redirect target,"
    return [
      finding(
        "'\(all.text)'\(via) gives mail from unlisted servers 'neutral': forgeries are neither refused nor marked",
        term: all, of: final, fix: fix)
    ]
  }
}
