/// An SPF record in the tree does not parse: check_host() returns permerror.
public struct SPFSyntaxErrorCheck: Check {
  public static let description = CheckDescription(
    id: "spf.syntax-error", family: .spf, title: "SPF syntax error",
    summary: "A `v=spf1` record (the domain's or an include target's) breaks the RFC 7208 grammar.",
    rationale: """
      Receivers do not guess: a record with one bad term — a typo in a mechanism name, `ip4:`
      with a malformed address, a missing `:` or a stray comma — makes check_host() return
      `permerror` for every message (RFC 7208 §4.6), exactly as if the domain had no working SPF.
      DMARC then cannot pass on SPF and strict receivers reject. The finding points at the
      offending byte; an include target's broken record breaks every domain that includes it.
      """,
    severity: .error, references: ["RFC 7208 §4.6", "RFC 7208 §12", "RFC 7208 §2.6.7"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a record that parses",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 mx -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a misspelt mechanism",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 inlcude:_spf.acme.test -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "an included record with a bad address",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 ip4:192.0.2.300 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    return tree.nodes.compactMap { node -> Finding? in
      guard case .malformed(let error) = node.status else { return nil }
      let route = tree.route(to: node.id)
      let via = route.isEmpty ? "" : " (reached by \(route.map(\.text).joined(separator: " → ")))"
      return finding(
        "the SPF record of \(node.domain)\(via) does not parse at offset \(error.offset): \(error.message); "
          + "receivers return permerror",
        subject: "\(node.domain) TXT", record: node.records.first, offset: error.offset)
    }
  }
}
