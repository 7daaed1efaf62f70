/// `redirect=` to a domain that has no SPF record (or does not exist): permerror.
public struct SPFRedirectMissingRecordCheck: Check {
  public static let description = CheckDescription(
    id: "spf.redirect-missing-record", family: .spf, title: "Redirect to a domain without SPF",
    summary: "A `redirect=` names a domain that does not exist or publishes no `v=spf1` record.",
    rationale: """
      `redirect=` hands the whole decision to another domain's record. When that domain has no
      SPF record, RFC 7208 §6.1 makes the result `permerror` for every message the redirect is
      reached for, which is every message no earlier mechanism matched. A missing name also
      counts as a void lookup (§4.6.4). Point the redirect at the record that exists, or replace
      it with that record's terms and an `all`.
      """,
    severity: .error, references: ["RFC 7208 §6.1", "RFC 7208 §4.6.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the redirect target has a record",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 redirect=_spf.acme.test"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the redirect target does not exist",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 redirect=_spf-old.acme.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    return tree.problems(.redirectWithoutRecord).map { problem in
      let location = problem.location
      let term = tree.node(id: location.node)?.terms.first { $0.offset == location.offset }
      let why = term.map { SPFIncludeMissingRecordCheck.reason($0) } ?? "it has no SPF record"
      return finding(
        "'\(location.term ?? "redirect")' in \(tree.place(of: location)) is a permerror for every message "
          + "no mechanism matched: \(why)", at: location, in: tree)
    }
  }
}
