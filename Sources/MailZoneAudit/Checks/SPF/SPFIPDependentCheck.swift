/// Macros (often with `exists`) make part of the result depend on the connecting IP.
public struct SPFIPDependentCheck: Check {
  public static let description = CheckDescription(
    id: "spf.ip-dependent", family: .spf, title: "SPF result depends on the client",
    summary: "A term uses macros, so what it looks up (and whether it finds anything) depends on each message.",
    rationale: """
      Macros such as `%{i}` (the client IP) or `%{l}` (the sender's local part) are expanded per
      message (RFC 7208 §7), typically in `exists:%{i}._spf.provider.example`, which lets a
      provider answer per IP. The lookup is counted toward the 10-lookup limit for every message,
      but whether it is void (§4.6.4) or matches can only be known for a given client, so a
      static audit cannot vouch for it. This is informational: such terms are normal for some
      providers; check that the ones listed are expected.
      """,
    severity: .info, references: ["RFC 7208 §7", "RFC 7208 §5.7", "RFC 7208 §4.6.4"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "literal names only",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 A 192.0.2.1
          @ 300 TXT "v=spf1 a exists:acme.test -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "exists with the client IP in the name",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 exists:%{i}._spf.acme.test -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    // `ptr` depends on the client too; spf.ptr reports it.
    return snapshot.spf.walkedTerms.filter { $0.term.ipDependent && $0.term.name != "ptr" }.map { node, term in
      finding(
        "'\(term.text)' in \(tree.place(of: SPFTreeLocation(node: node.id, domain: node.domain))) looks up a "
          + "name built from the message: counted as one lookup, but whether it finds anything depends on the client",
        term: term, of: node)
    }
  }
}
