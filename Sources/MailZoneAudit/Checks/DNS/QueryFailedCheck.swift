/// Reports every query that got no conclusive answer, so an incomplete audit says why.
public struct QueryFailedCheck: Check {
  public static let description = CheckDescription(
    id: "dns.query-failed", family: .dns, title: "A DNS query failed",
    summary: "A lookup the audit needs got SERVFAIL, REFUSED, a referral or no answer in time.",
    rationale: """
      Receivers that get a DNS failure while evaluating SPF return `temperror` and usually defer the
      message; DMARC and DKIM evaluation stall the same way. The audit cannot judge what it could not
      read, so the checks that depend on the answer are silent and the audit is marked incomplete
      (exit 2). Broken delegations, lame or unreachable nameservers and DNSSEC failures cause this.
      """,
    severity: .warning, references: ["RFC 7208 §4.4", "RFC 9989 §4.10", "RFC 1034 §4.3.2"],
    examples: [
      CheckExample(
        .passes, domain: "ok.test", note: "every answer is conclusive",
        zone: """
          $ORIGIN ok.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 -all"
          """),
      CheckExample(
        .fails, domain: "sub.lame.test", note: "the domain is delegated to servers that hold no zone for it",
        zone: """
          $ORIGIN lame.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          sub 300 NS ns.elsewhere.invalid.
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    var seen: Set<QueryFailure> = []
    return snapshot.failures.filter { seen.insert($0).inserted }.map { failure in
      finding(
        "\(failure.type) lookup of \(failure.name) failed: \(failure.status); checks that need it could not run",
        subject: "\(failure.name) \(failure.type)")
    }
  }
}
