import MailZoneDNS
import MailZoneRecords

/// The DMARC policy a receiver applies to a domain's own mail (through the RFC 9989 tree walk),
/// and how to write a stricter one, for the checks outside the DMARC family that need it.
struct AppliedDMARC {
  /// `_dmarc.<domain>`: where a fix is written.
  var owner: DNSName
  /// The policy applied to mail from the domain; `nil` when no DMARC record applies.
  var policy: DMARCPolicy?
  /// The applied record's `pct` (100 when absent).
  var percent: Int?
  /// The applying record is the domain's own (not inherited from its organizational domain).
  var isOwn: Bool
  /// The record's text and location, for messages.
  var text: String?
  var location: DNSName?
  /// The domain's own record, when it parses strictly and is not reached through a CNAME: the
  /// record a fix can rewrite in place.
  var rewritable: DMARCRecord?

  /// `nil` when a DMARC query failed or the domain publishes broken `v=DMARC1` records (the
  /// DMARC checks report those).
  init?(_ snapshot: DomainSnapshot) {
    let dmarc = snapshot.dmarc
    guard dmarc.failures.isEmpty, dmarc.direct.records.isEmpty || dmarc.direct.only != nil else { return nil }
    owner = dmarc.direct.answer.name
    policy = dmarc.effectivePolicy
    percent = dmarc.percent
    isOwn = dmarc.source == .domain
    text = dmarc.recordText
    location = dmarc.location
    rewritable = isOwn && !dmarc.viaCNAME ? dmarc.direct.only : nil
  }

  /// `inherited from _dmarc.org.example` or an empty string.
  var inheritance: String {
    guard !isOwn, let location else { return "" }
    return " (inherited from \(location))"
  }

  /// The zone line that makes the domain's policy `policy` at 100%: the own record rewritten, or
  /// a record of its own (which takes precedence over an inherited one).
  func fix(policy: DMARCPolicy) -> String? {
    if isOwn {
      guard var record = rewritable else { return nil }
      record.requestedPolicy = policy
      // A weaker sp= would undo the fix for subdomains: let it default to p.
      if let subdomain = record.requestedSubdomainPolicy, Self.rank(subdomain) < Self.rank(policy) {
        record.requestedSubdomainPolicy = nil
      }
      record.requestedPercent = nil
      return ZoneLine.txt(owner, record.rendered)
    }
    var record = DMARCRecord()
    record.requestedPolicy = policy
    return ZoneLine.txt(owner, record.rendered)
  }

  private static func rank(_ policy: DMARCPolicy) -> Int {
    switch policy {
    case .none: 0
    case .quarantine: 1
    case .reject: 2
    }
  }
}
