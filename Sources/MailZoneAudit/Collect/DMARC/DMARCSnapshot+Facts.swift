public import MailZoneDNS
public import MailZoneRecords

/// The facts of the audit JSON `dmarc` object (AUDIT-JSON.md), one property per field, and the
/// other facts the DMARC checks judge.
extension DMARCSnapshot {
  /// The walk step whose record applies to the domain.
  public var applicable: DMARCTreeWalk.Step? { walk.policy?.step }
  /// Where the applicable record came from: the domain, its organizational domain or a PSD.
  public var source: DMARCPolicySource? { walk.policy?.source }

  /// `exists`: a DMARC record applies to the domain, or the domain publishes `v=DMARC1` records
  /// (several of them apply to nothing, but they exist).
  public var exists: Bool { applicable != nil || !direct.records.isEmpty }
  /// `records`: `v=DMARC1` TXT records at `_dmarc.<domain>`, or at the inherited location when the
  /// domain publishes none.
  public var recordCount: Int {
    direct.records.isEmpty ? (applicable?.lookup.records.count ?? 0) : direct.records.count
  }
  /// `record`: the applicable record's text (`nil` when none applies).
  public var recordText: String? { applicable?.record?.text }
  /// `location`: the name the applicable record was found at (`_dmarc.acme.example`).
  public var location: DNSName? { applicable?.lookup.answer.name }
  /// The domain whose record applies (the location without `_dmarc`).
  public var policyDomain: DNSName? { applicable?.domain }
  /// The CNAMEs followed to the applicable record (or to the domain's own `_dmarc` answer).
  public var cnameChain: [CNAMELink] { (applicable?.lookup ?? direct).answer.cnameChain }
  /// `via_cname`.
  public var viaCNAME: Bool { !cnameChain.isEmpty }

  /// The applicable record as a receiver uses it (broken tags dropped, RFC 9989 §4.7).
  public var record: DMARCRecord? { reading?.record }
  /// The applicable record when it parses strictly.
  public var parsedRecord: DMARCRecord? { applicable?.record?.record }
  /// Why the applicable record does not parse strictly.
  public var parseError: RecordParseError? { applicable?.record?.error }

  /// The domain exists: its own TXT question was not NXDOMAIN (RFC 8020).
  public var domainExists: Bool { apex.status != .nxDomain }

  /// `p`: the policy tag as written, also when its value is invalid (`p=rejected`).
  public var policyTag: String? { reading?.writtenValue("p") }
  /// The valid `p` of the record (`nil` when absent or invalid).
  public var policy: DMARCPolicy? { record?.requestedPolicy }
  /// `sp` as written.
  public var subdomainPolicyTag: String? { reading?.writtenValue("sp") }
  /// `np` as written.
  public var nonexistentPolicyTag: String? { reading?.writtenValue("np") }

  /// `effective_p`: the policy a receiver applies to mail from the domain itself. The record's `p`
  /// when it is the domain's own; `sp` (or `np` when the domain does not exist) when inherited
  /// (RFC 9989 §4.10.1); `none` when the policy tags are broken but `rua` is valid, `nil` when a
  /// receiver applies no DMARC at all (RFC 7489 §6.6.3, RFC 9989 §4.10.1).
  public var effectivePolicy: DMARCPolicy? {
    guard let reading, let record = reading.record, let source else { return nil }
    let fallback = reading.policyFallback
    if fallback.applies { return fallback.policy }
    switch source {
    case .domain: return record.policy
    case .organizationalDomain, .publicSuffixDomain:
      return domainExists ? record.subdomainPolicy : record.nonexistentPolicy
    }
  }

  /// `sp`: the policy for existing subdomains of the policy domain (`sp`, defaulting to `p`).
  public var subdomainPolicy: DMARCPolicy? {
    guard let reading, let record = reading.record else { return nil }
    let fallback = reading.policyFallback
    return fallback.applies ? fallback.policy : record.subdomainPolicy
  }

  /// `np`: the policy for non-existent subdomains (`np`, then `sp`, then `p`).
  public var nonexistentPolicy: DMARCPolicy? {
    guard let reading, let record = reading.record else { return nil }
    let fallback = reading.policyFallback
    return fallback.applies ? fallback.policy : record.nonexistentPolicy
  }

  /// `pct`: the number written in `pct` (RFC 7489 §6.3; RFC 9989 removed the tag), 100 when the tag
  /// is absent or not a number; `nil` without a record.
  public var percent: Int? {
    guard let reading else { return nil }
    return reading.writtenValue("pct").flatMap { Int($0) } ?? 100
  }
  /// `adkim` (default relaxed).
  public var dkimAlignment: DMARCAlignment? { record?.dkimAlignment }
  /// `aspf` (default relaxed).
  public var spfAlignment: DMARCAlignment? { record?.spfAlignment }
  /// `rua`.
  public var aggregateReportURIs: [DMARCReportURI] { record?.aggregateReportURIs ?? [] }
  /// `ruf`.
  public var failureReportURIs: [DMARCReportURI] { record?.failureReportURIs ?? [] }
  /// `external`: destinations outside the organizational domain, each with `authorized`.
  public var externalDestinations: [DMARCReportDestination] { destinations.filter(\.isExternal) }

  /// `org_domain_tree_walk`: RFC 9989 §4.10.2.
  public var organizationalDomainTreeWalk: DNSName { walk.organizationalDomain }
  /// The two methods name different organizational domains (only known with a PSL).
  public var organizationalDomainsDisagree: Bool {
    organizationalDomainPSL.map { $0 != walk.organizationalDomain } ?? false
  }

  /// `valid`: `nil` without any record; `false` when the domain publishes several, when the
  /// applicable record does not parse, or when a receiver would apply no policy from it.
  public var valid: Bool? {
    guard exists else { return nil }
    guard direct.records.count <= 1, parsedRecord != nil else { return false }
    return effectivePolicy != nil
  }

  /// `v=DMARC1` TXT records published at the domain itself, where no receiver looks.
  public var apexRecords: [TXTData] { apex.records.filter { DMARCRecord.isDMARC($0.text) } }

  /// TXT at `_dmarc.<domain>` meant as DMARC but not starting with `v=DMARC1` (`p=none; v=DMARC1`,
  /// `v=dmarc1`, a leading space): receivers ignore them (RFC 9989 §4.7: `v` "MUST be the first tag").
  public var misplacedVersionRecords: [TXTData] {
    direct.answer.records.filter { !DMARCRecord.isDMARC($0.text) && $0.text.lowercased().contains("v=dmarc1") }
  }

  /// Other TXT at `_dmarc.<domain>` (no `v=DMARC1` anywhere): SPF from a wildcard, verification
  /// tokens, leftovers.
  public var otherTXT: [TXTData] {
    direct.answer.records.filter { !DMARCRecord.isDMARC($0.text) && !$0.text.lowercased().contains("v=dmarc1") }
  }

  /// The other TXT at `_dmarc` also answers at a name that cannot exist: a wildcard made it.
  public var otherTXTFromWildcard: Bool {
    guard let wildcardProbe, !otherTXT.isEmpty else { return false }
    let probed = Set(wildcardProbe.records.map(\.text))
    return otherTXT.allSatisfy { probed.contains($0.text) }
  }
}
