/// More than two lookups that find nothing: receivers return permerror.
public struct SPFVoidLookupLimitCheck: Check {
  public static let description = CheckDescription(
    id: "spf.void-lookup-limit", family: .spf, title: "More than 2 void SPF lookups",
    summary: "More than two terms of the tree look up names that do not exist or have no records.",
    rationale: """
      A void lookup is a DNS query of an SPF term that returns no records (NXDOMAIN or an empty
      answer). Since they cost receivers work for nothing and are a denial-of-service vector,
      RFC 7208 §4.6.4 says check_host() should return `permerror` after the second one; major
      receivers do. Void lookups come from includes of providers that were shut down or renamed,
      `a:`/`mx:` terms naming hosts that were removed, and typos. Remove or correct the terms
      listed in the message.
      """,
    severity: .error, references: ["RFC 7208 §4.6.4", "RFC 7208 §11.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "every term finds records",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 A 192.0.2.1
          @ 300 TXT "v=spf1 a -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "three hosts that were removed",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 a:old1.acme.test a:old2.acme.test mx:old3.acme.test -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    let limit = tree.limits.voidLookups
    guard let voids = tree.voidLookups, voids > limit,
      let over = tree.problems(.tooManyVoidLookups).first?.location
    else { return [] }
    let terms = snapshot.spf.walkedTerms.filter(\.term.void).map { "'\($0.term.text)' (\($0.term.voidReason))" }
    let listed = terms.prefix(5).joined(separator: ", ") + (terms.count > 5 ? ", ..." : "")
    return [
      finding(
        "\(voids) SPF lookups find nothing (\(listed)); receivers allow \(limit) and return permerror at "
          + "'\(over.term ?? "?")' in \(tree.place(of: over))",
        subject: snapshot.spf.subject, record: tree.root.record, offset: tree.rootTerm(above: over)?.offset)
    ]
  }
}
