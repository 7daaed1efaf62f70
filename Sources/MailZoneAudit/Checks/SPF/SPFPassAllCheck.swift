import MailZoneRecords

/// `+all` (or a bare `all`): every server on the Internet passes SPF for the domain.
public struct SPFPassAllCheck: Check {
  public static let description = CheckDescription(
    id: "spf.pass-all", family: .spf, title: "SPF allows everyone (`+all`)",
    summary: "The record ends in `+all` (or `all`), or includes a record that does: any server passes.",
    rationale: """
      `+all` matches every client and gives `pass` (RFC 7208 §5.1): the record authorizes the
      whole Internet to send as the domain, which is worse than publishing nothing, because
      receivers and DMARC count an SPF `pass` as proof. Spammers look for such domains. The same
      happens through an include: `include:x` matches every client when x's record ends in `+all`
      (§5.2). End the record in `-all` (or `~all` while senders are still being listed).
      """,
    severity: .error, references: ["RFC 7208 §5.1", "RFC 7208 §5.2", "RFC 7208 §10.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "ends in -all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 mx -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "+all: fix is -all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 mx +all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "an include whose record ends in a bare all",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:spf.esp.test -all"
          """,
        extraZones: [
          """
          $ORIGIN esp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          spf 300 TXT "v=spf1 ip4:203.0.113.0/24 all"
          """
        ]),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    var out: [Finding] = []
    if let final = spf.tree.root.finalRecord, let all = final.firstAll, all.qualifier == .pass {
      let fix = final.id == 0 ? spf.fix(replacing: all.offset, with: SPFTerm(.directive(.fail, .all))) : nil
      let via = final.id == 0 ? "" : " (the redirect target \(final.domain) ends the evaluation)"
      out.append(
        finding(
          "'\(all.text)' passes every server on the Internet\(via): anyone can send mail that passes SPF as "
            + "\(spf.tree.domain)", term: all, of: final, fix: fix))
    }
    for (node, term) in spf.walkedTerms where term.name == "include" && term.qualifier == .pass {
      guard let child = term.child, let final = child.finalRecord, let all = final.firstAll, all.qualifier == .pass
      else { continue }
      out.append(
        finding(
          "'\(term.text)' matches every server: \(final.domain) ends in '\(all.text)', so anyone passes SPF "
            + "through this include", term: term, of: node))
    }
    return out
  }
}
