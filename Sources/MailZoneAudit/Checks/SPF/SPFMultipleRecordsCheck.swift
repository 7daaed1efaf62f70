import MailZoneDNS
import MailZoneRecords

/// Several `v=spf1` records at one name: check_host() returns permerror and none of them counts.
public struct SPFMultipleRecordsCheck: Check {
  public static let description = CheckDescription(
    id: "spf.multiple-records", family: .spf, title: "Several SPF records at one name",
    summary: "More than one `v=spf1` TXT record at the domain (or at an include target): permerror.",
    rationale: """
      A domain must publish exactly one SPF record. With two or more, check_host() stops with
      `permerror` (RFC 7208 §4.5) and receivers treat the mail as if SPF were broken: DMARC cannot
      pass on SPF, and many receivers reject or junk the message. This usually happens when a
      new provider's setup guide says "add this TXT record" and the old record stays. The records
      must be merged into one: mailzone writes the merged record when the records end in the
      same `all` and grant with the same qualifier, so merging keeps what each one allowed.
      """,
    severity: .error, references: ["RFC 7208 §4.5", "RFC 7208 §3.2"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "one record naming both providers",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.7 ~all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "an old and a new record: merged into one",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ~all"
          @ 300 TXT "v=spf1 ip4:198.51.100.7 ~all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the include target has two records",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 include:_spf.acme.test -all"
          _spf 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          _spf 300 TXT "v=spf1 ip4:198.51.100.0/24 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let tree = snapshot.spf.tree
    return tree.nodes.compactMap { node -> Finding? in
      guard case .multiple(let count) = node.status else { return nil }
      // Only names the domain's owner controls get a fix: the domain and names below it.
      let fix =
        node.domain.isSubdomain(of: tree.domain)
        ? Self.merged(node.records).flatMap {
          SPFSnapshot.fixLine($0, at: node.domain, ttl: node.id == 0 ? snapshot.spf.txt.ttl : nil)
        } : nil
      let route = tree.route(to: node.id)
      if let via = route.last {
        return finding(
          "\(node.domain) has \(count) SPF records, so '\(via.text)' is a permerror for every message "
            + "(reached by \(route.map(\.text).joined(separator: " → ")))",
          subject: "\(node.domain) TXT", record: node.records.first, fix: fix)
      }
      return finding(
        "\(node.domain) has \(count) SPF records: receivers return permerror and use none of them",
        subject: "\(node.domain) TXT", record: node.records.first, fix: fix)
    }
  }

  /// One record that allows what each of `texts` allowed, when that can be said without choosing:
  /// every record parses, none redirects, all end in the same `all` (or none has one), and every
  /// other mechanism has the same qualifier, so the order of the union does not matter.
  static func merged(_ texts: [String]) -> SPFRecord? {
    let records = texts.compactMap { try? SPFRecord.parse($0) }
    guard records.count == texts.count, records.count > 1, records.allSatisfy({ $0.redirect == nil }) else {
      return nil
    }
    var endings: Set<SPFTerm?> = []
    var qualifiers: Set<SPFQualifier> = []
    var explanations: Set<SPFTerm> = []
    var mechanisms: [SPFTerm] = []
    var modifiers: [SPFTerm] = []
    for record in records {
      let allIndex = record.terms.firstIndex { $0.mechanism == .all }
      if let allIndex, record.terms[(allIndex + 1)...].contains(where: { $0.mechanism != nil }) { return nil }
      endings.insert(allIndex.map { SPFTerm(record.terms[$0].kind) })
      for term in record.terms where term.mechanism != .all {
        let bare = SPFTerm(term.kind)
        if let qualifier = term.qualifier {
          qualifiers.insert(qualifier)
          if !mechanisms.contains(bare) { mechanisms.append(bare) }
        } else if case .modifier(.explanation) = term.kind {
          explanations.insert(bare)
        } else if !modifiers.contains(bare) {
          modifiers.append(bare)
        }
      }
    }
    guard endings.count == 1, qualifiers.count <= 1, explanations.count <= 1, let ending = endings.first else {
      return nil
    }
    return SPFRecord(terms: mechanisms + (ending.map { [$0] } ?? []) + modifiers + Array(explanations))
  }
}
