import MailZoneRecords

/// `np` asks less of non-existent subdomains than `sp`/`p` ask of existing ones.
public struct DMARCNonexistentPolicyWeakerCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.nonexistent-policy-weaker", family: .dmarc, title: "Non-existent subdomain policy weaker",
    summary: "The np tag sets a weaker policy for subdomains that do not exist than sp or p set for those that do.",
    rationale: """
      RFC 9989 added `np` for subdomains that do not exist in the DNS (NXDOMAIN, RFC 8020). No
      legitimate mail can come from a name that does not exist, so those names are the safest to
      reject and the favourite of phishers (`secure-login.example.com`). An `np` weaker than the
      policy for existing subdomains gets this backwards: drop it, or set `np=reject`.
      """,
    severity: .warning, references: ["RFC 9989 §4.7", "RFC 9989 §4.10.1", "RFC 8020"],
    examples: [
      CheckExample(
        .passes, domain: "tight.test", note: "np=reject with p=quarantine",
        zone: """
          $ORIGIN tight.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=quarantine; np=reject; rua=mailto:dmarc@tight.test"
          """),
      CheckExample(
        .fails, domain: "loose.test", note: "np=none below sp=reject",
        zone: """
          $ORIGIN loose.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; sp=reject; np=none; rua=mailto:dmarc@loose.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard var record = dmarc.parsedRecord, let location = dmarc.location, record.requestedPolicy != nil,
      let np = record.requestedNonexistentPolicy, DMARCFix.strength(np) < DMARCFix.strength(record.subdomainPolicy)
    else { return [] }
    let existing = record.subdomainPolicy
    let offset = record.tags.first { $0.name.lowercased() == "np" }?.offset
    record.requestedNonexistentPolicy = nil
    return [
      finding(
        "np=\(np.rawValue) is weaker than the \(existing.rawValue) policy for existing subdomains: mail from names "
          + "that do not even exist under \(dmarc.policyDomain ?? snapshot.domain) is treated more leniently",
        subject: "\(location) TXT", record: dmarc.recordText, offset: offset, fix: DMARCFix.line(location, record))
    ]
  }
}
