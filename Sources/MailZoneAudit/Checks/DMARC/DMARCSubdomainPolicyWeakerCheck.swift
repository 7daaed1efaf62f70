import MailZoneRecords

/// `sp` asks less of subdomains than `p` asks of the domain.
public struct DMARCSubdomainPolicyWeakerCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.subdomain-policy-weaker", family: .dmarc, title: "Subdomain policy weaker than p",
    summary: "The sp tag sets a weaker policy for subdomains than p sets for the domain.",
    rationale: """
      Phishers who cannot spoof `example.com` because of `p=reject` simply send from
      `secure.example.com` or `billing.example.com`, and `sp=none` lets that mail through. Unless a
      subdomain is known to send unaligned mail (and then it is better to give that subdomain its
      own record), subdomains deserve the same policy: drop `sp` so it defaults to `p`.
      """,
    severity: .warning, references: ["RFC 9989 §4.7", "RFC 7489 §6.3"],
    examples: [
      CheckExample(
        .passes, domain: "same.test", note: "sp equal to p",
        zone: """
          $ORIGIN same.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; sp=reject; rua=mailto:dmarc@same.test"
          """),
      CheckExample(
        .passes, domain: "nosp.test", note: "no sp: subdomains get p",
        zone: """
          $ORIGIN nosp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@nosp.test"
          """),
      CheckExample(
        .fails, domain: "leaky.test", note: "p=reject but sp=none",
        zone: """
          $ORIGIN leaky.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; sp=none; rua=mailto:dmarc@leaky.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard var record = dmarc.parsedRecord, let location = dmarc.location, let p = record.requestedPolicy,
      let sp = record.requestedSubdomainPolicy, DMARCFix.strength(sp) < DMARCFix.strength(p)
    else { return [] }
    let offset = record.tags.first { $0.name.lowercased() == "sp" }?.offset
    record.requestedSubdomainPolicy = nil
    return [
      finding(
        "sp=\(sp.rawValue) is weaker than p=\(p.rawValue): spoofed mail from subdomains of "
          + "\(dmarc.policyDomain ?? snapshot.domain) gets through; drop sp so subdomains get p=\(p.rawValue)",
        subject: "\(location) TXT", record: dmarc.recordText, offset: offset, fix: DMARCFix.line(location, record))
    ]
  }
}
