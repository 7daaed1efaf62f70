import MailZoneRecords

/// The policy receivers apply to the domain is `none`: DMARC only monitors.
public struct DMARCMonitoringOnlyCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.policy-none", family: .dmarc, title: "DMARC only monitors (p=none)",
    summary: "Receivers apply the policy none to the domain, so spoofed mail is delivered as if DMARC were absent.",
    rationale: """
      `p=none` asks receivers to take no action on mail that fails DMARC: it is the monitoring
      stage, meant to last while aggregate reports show which senders still need SPF or DKIM
      alignment. Left in place, it protects nothing: phishing with the domain in `From:` reaches
      inboxes, and mailbox providers treat the domain as unprotected (no BIMI logo, for one). Once
      the reports are clean, move to `p=quarantine`, then `p=reject`. The same holds when an
      invalid `p` value makes receivers fall back to `none` (RFC 9989 §4.10.1).
      """,
    severity: .warning, references: ["RFC 9989 §4.7", "RFC 9989 §4.10.1", "RFC 7489 §6.3"],
    examples: [
      CheckExample(
        .passes, domain: "strict.test", note: "p=quarantine",
        zone: """
          $ORIGIN strict.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@strict.test"
          """),
      CheckExample(
        .fails, domain: "watch.test", note: "p=none with reports: monitoring only",
        zone: """
          $ORIGIN watch.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=none; rua=mailto:dmarc@watch.test"
          """),
      CheckExample(
        .fails, domain: "shop.corp.test", note: "a subdomain inherits sp=none from its organizational domain",
        zone: """
          $ORIGIN corp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          shop 300 A 192.0.2.10
          _dmarc 300 TXT "v=DMARC1; p=reject; sp=none; rua=mailto:dmarc@corp.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard dmarc.effectivePolicy == DMARCPolicy.none, let location = dmarc.location, let source = dmarc.source
    else { return [] }
    let fallback = dmarc.reading?.policyFallback.applies ?? false
    let why: String
    switch (fallback, source) {
    case (true, _): why = "its policy tags are invalid, so receivers act as if it said p=none"
    case (false, .domain): why = "p=none asks receivers to deliver mail that fails DMARC"
    case (false, _): why = "the policy \(dmarc.policyDomain ?? snapshot.domain) sets for its subdomains is none"
    }
    return [
      finding(
        "mail that fails DMARC for \(snapshot.domain) is delivered anyway: \(why); move to p=quarantine, then "
          + "p=reject, once the aggregate reports show every legitimate sender aligned",
        subject: "\(location) TXT", record: dmarc.recordText, offset: policyOffset(dmarc),
        fix: enforced(dmarc).map { DMARCFix.line(location, $0) })
    ]
  }

  /// The offset of the tag that sets the policy in force (`sp` for an inherited one when written).
  private func policyOffset(_ dmarc: DMARCSnapshot) -> Int? {
    let tags = dmarc.parsedRecord?.tags ?? []
    let name = dmarc.source == .domain || dmarc.parsedRecord?.requestedSubdomainPolicy == nil ? "p" : "sp"
    return tags.first { $0.name.lowercased() == name }?.offset
  }

  /// The record with the policy in force raised to quarantine, when the record parses.
  private func enforced(_ dmarc: DMARCSnapshot) -> DMARCRecord? {
    guard var record = dmarc.parsedRecord, record.requestedPolicy != nil else { return nil }
    if dmarc.source != .domain, record.requestedSubdomainPolicy != nil {
      record.requestedSubdomainPolicy = .quarantine
    } else {
      record.requestedPolicy = .quarantine
    }
    return record
  }
}
