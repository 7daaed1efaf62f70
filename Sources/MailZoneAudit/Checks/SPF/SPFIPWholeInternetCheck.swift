import MailZoneRecords

/// `ip4:0.0.0.0/0` or `ip6:::/0`: a network that is the whole Internet, as good as `+all`.
public struct SPFIPWholeInternetCheck: Check {
  public static let description = CheckDescription(
    id: "spf.ip-whole-internet", family: .spf, title: "SPF network of the whole Internet (/0)",
    summary: "An `ip4:` or `ip6:` term with prefix /0 matches every address, like `all`.",
    rationale: """
      A /0 prefix compares no bits at all (RFC 7208 §5.6): `ip4:0.0.0.0/0` matches every IPv4
      client and `ip6:::/0` every IPv6 one. With the default `+` qualifier that authorizes the
      whole Internet to send as the domain, exactly like `+all`, and it hides from tools that
      only look for `+all`, including inside a provider's include. With `~` or `?` it ends the
      record early: nothing after it is ever evaluated. List the real sending networks instead.
      """,
    severity: .error, references: ["RFC 7208 §5.6", "RFC 7208 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a real network",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "every IPv4 address is authorized",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:0.0.0.0/0 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "an include authorizes every IPv6 address",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 ip6:::/0 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    return tree.walkedTerms.compactMap { node, term -> Finding? in
      // Only a term ending in "/0" can be one; the parse below confirms it.
      guard term.name == "ip4" || term.name == "ip6", term.qualifier != .fail, term.text.hasSuffix("/0"),
        let parsed = try? SPFRecord.parse("v=spf1 " + term.text), let mechanism = parsed.terms.first?.mechanism
      else { return nil }
      switch mechanism {
      case .ip4(_, prefix: 0?), .ip6(_, prefix: 0?): break
      default: return nil
      }
      let place = tree.place(of: SPFTreeLocation(node: node.id, domain: node.domain))
      if term.qualifier == .pass {
        return finding(
          "'\(term.text)' in \(place) matches every \(term.name == "ip4" ? "IPv4" : "IPv6") address: anyone can "
            + "send mail that passes SPF", term: term, of: node)
      }
      return finding(
        "'\(term.text)' in \(place) matches every address, so no term after it is ever evaluated", term: term,
        of: node, severity: .warning)
    }
  }
}
