import MailZoneRecords

/// `t=y`: RFC 9989 test mode, in which receivers apply a policy one level below the stated one.
public struct DMARCTestingModeCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.testing-mode", family: .dmarc, title: "DMARC policy in test mode (t=y)",
    summary: "t=y asks receivers to apply one level below the stated policy: reject acts as quarantine.",
    rationale: """
      RFC 9989 replaced `pct` with `t=y`: while the owner tests a new policy, receivers apply the
      level below it (`quarantine` is handled as `none`, `reject` as `quarantine`) and may rewrite
      the `From:` header of mailing-list mail instead. It is meant to be temporary; a record left in
      test mode never gets the protection it states. RFC 7489 receivers do not know the tag and
      apply the stated policy, so the same record means two things. Drop `t` once the reports are
      clean.
      """,
    severity: .info, references: ["RFC 9989 §4.7"],
    examples: [
      CheckExample(
        .passes, domain: "live.test", note: "no t tag",
        zone: """
          $ORIGIN live.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@live.test"
          """),
      CheckExample(
        .fails, domain: "trial.test", note: "p=reject in test mode",
        zone: """
          $ORIGIN trial.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; t=y; rua=mailto:dmarc@trial.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard var record = dmarc.parsedRecord, record.testing, let location = dmarc.location,
      let policy = dmarc.effectivePolicy, policy != .none
    else { return [] }
    let applied = policy == .reject ? "quarantine" : "none"
    let offset = record.tags.first { $0.name.lowercased() == "t" }?.offset
    record.requestedTesting = nil
    return [
      finding(
        "t=y: RFC 9989 receivers apply \(applied) instead of \(policy.rawValue) to failing mail from "
          + "\(snapshot.domain), while RFC 7489 receivers ignore the tag; drop it when testing is over",
        subject: "\(location) TXT", record: dmarc.recordText, offset: offset, fix: DMARCFix.line(location, record))
    ]
  }
}
