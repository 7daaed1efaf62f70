import MailZoneRecords

/// `pct` below 100: a policy applied to part of the mail by some receivers and to all of it by others.
public struct DMARCPartialPercentageCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.partial-percentage", family: .dmarc, title: "Policy applied to a percentage (pct < 100)",
    summary: "pct asks receivers to apply the policy to part of the failing mail; RFC 9989 removed the tag.",
    rationale: """
      Under RFC 7489 `pct=25` asks receivers to quarantine or reject a quarter of the failing mail
      and treat the rest one step more leniently. RFC 9989 removed `pct` because receivers applied
      it inconsistently; its receivers ignore the tag and apply the policy to all failing mail. So
      the same record means 25 % to some receivers and 100 % to others. To test a policy, RFC 9989
      has `t=y` (apply one level below the stated policy); otherwise enforce fully and drop `pct`.
      """,
    severity: .warning, references: ["RFC 7489 §6.3", "RFC 7489 §6.6.4", "RFC 9989 §4.7"],
    examples: [
      CheckExample(
        .passes, domain: "full.test", note: "no pct: the policy applies to all failing mail",
        zone: """
          $ORIGIN full.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc@full.test"
          """),
      CheckExample(
        .fails, domain: "ramp.test", note: "pct=25",
        zone: """
          $ORIGIN ramp.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=quarantine; pct=25; rua=mailto:dmarc@ramp.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let record = dmarc.parsedRecord, let location = dmarc.location, let pct = record.requestedPercent,
      pct < 100
    else { return [] }
    let offset = record.tags.first { $0.name.lowercased() == "pct" }?.offset
    // pct=0 is what t=y replaces (RFC 9989): the test-mode record says the same to both kinds of receiver.
    var testing = record
    testing.requestedPercent = nil
    testing.requestedTesting = true
    return [
      finding(
        "pct=\(pct) asks RFC 7489 receivers to apply p=\(record.policy.rawValue) to \(pct) % of failing mail, "
          + "while RFC 9989 receivers ignore pct and apply it to all; use t=y to test, or drop pct to enforce",
        subject: "\(location) TXT", record: dmarc.recordText, offset: offset,
        fix: pct == 0 ? DMARCFix.line(location, testing) : nil)
    ]
  }
}
