/// `include:` of a domain that has no SPF record (or does not exist): permerror.
public struct SPFIncludeMissingRecordCheck: Check {
  public static let description = CheckDescription(
    id: "spf.include-missing-record", family: .spf, title: "Include of a domain without SPF",
    summary: "An `include:` names a domain that does not exist or publishes no `v=spf1` record.",
    rationale: """
      `include:` evaluates the named domain's SPF record. When there is none — the provider was
      dropped and its name deleted, the name is misspelt, or it holds other TXT records only —
      RFC 7208 §5.2 makes the include a `permerror`, and with it the whole check: every message
      from the domain fails SPF, not only mail from that provider. A missing name also counts as
      a void lookup (§4.6.4). Remove the include or correct the name; mailzone writes the record
      without it.
      """,
    severity: .error, references: ["RFC 7208 §5.2", "RFC 7208 §4.6.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the include target has a record",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:spf.esp.test -all"
          """,
        extraZones: [
          """
          $ORIGIN esp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          spf 300 TXT "v=spf1 ip4:203.0.113.0/24 -all"
          """
        ]),
      CheckExample(
        .fails, domain: "acme.test", note: "the provider's name no longer exists",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 include:spf.gone.test -all"
          """,
        extraZones: [
          """
          $ORIGIN gone.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          """
        ]),
      CheckExample(
        .fails, domain: "acme.test", note: "the target has TXT records, none of them SPF",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:verify.acme.test -all"
          verify 300 TXT "site-verification=abc123"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    let tree = spf.tree
    return tree.problems(.includeWithoutRecord).map { problem in
      let location = problem.location
      let term = tree.node(id: location.node)?.terms.first { $0.offset == location.offset }
      let why = term.map { Self.reason($0) } ?? "it has no SPF record"
      let fix = location.node == tree.root.id ? location.offset.flatMap { spf.fix(removing: [$0]) } : nil
      return finding(
        "'\(location.term ?? "include")' in \(tree.place(of: location)) is a permerror for every message: \(why)",
        at: location, in: tree, fix: fix)
    }
  }

  static func reason(_ term: SPFTreeTerm) -> String {
    let target = term.target ?? "the target"
    guard let child = term.child, case .none(let void, let status) = child.status else {
      return "'\(target)' is not a valid DNS name"
    }
    if status == .nxDomain { return "\(target) does not exist (NXDOMAIN)" }
    return void ? "\(target) has no TXT records" : "\(target) has TXT records, but none starts with v=spf1"
  }
}
