/// More than 10 DNS-querying terms over the whole tree: receivers return permerror.
public struct SPFLookupLimitCheck: Check {
  public static let description = CheckDescription(
    id: "spf.lookup-limit", family: .spf, title: "More than 10 SPF lookups",
    summary: "The record and everything it includes need more than the 10 DNS lookups receivers allow.",
    rationale: """
      To bound the work one message can cause, RFC 7208 §4.6.4 lets check_host() evaluate at most
      10 terms that query DNS — `include`, `a`, `mx`, `ptr`, `exists` and `redirect` — over the
      record *and every record it includes*. The 11th makes the result `permerror`, so receivers
      treat the domain's SPF as broken: DMARC cannot pass on SPF and mail is junked or rejected,
      usually only for servers listed late in the record, which makes it look random. Each SaaS
      include brings its own nested lookups (a Google include costs 4). Remove includes of
      services no longer used, replace `a`/`mx` with `ip4`/`ip6`, or move senders to a
      subdomain; the message says which term is the 11th and where in the tree it sits.
      """,
    severity: .error, references: ["RFC 7208 §4.6.4", "RFC 7208 §10.1.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "two lookups",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 a mx -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "eleven lookups, the 11th inside an include",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 A 192.0.2.1
          @ 300 MX 10 mail
          mail 300 A 192.0.2.2
          @ 300 TXT "v=spf1 a mx a:mail.acme.test mx:acme.test a:acme.test include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 a:mail.acme.test mx:acme.test a:acme.test a:mail.acme.test mx:acme.test -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    let limit = tree.limits.dnsMechanisms
    guard let lookups = tree.lookups, lookups > limit, let overflow = tree.overflow else { return [] }
    let at = tree.rootTerm(above: overflow)
    let term = overflow.term.map { "'\($0)'" } ?? "a term"
    return [
      finding(
        "the SPF record needs \(lookups) DNS lookups; receivers stop at \(limit) and return permerror: "
          + "the \(limit + 1)th is \(term) in \(tree.place(of: overflow))",
        subject: snapshot.spf.subject, record: tree.root.record, offset: at?.offset)
    ]
  }
}
