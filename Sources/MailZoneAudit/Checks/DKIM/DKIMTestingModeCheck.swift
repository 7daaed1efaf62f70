/// A key with `t=y`: verifiers treat the domain's signatures as if there were none.
public struct DKIMTestingModeCheck: Check {
  public static let description = CheckDescription(
    id: "dkim.testing-mode", family: .dkim, title: "DKIM key in testing mode",
    summary: "A key record with t=y, which tells verifiers not to treat signed mail differently from unsigned.",
    rationale: """
      RFC 6376 §3.6.1, `t=y`: "This domain is testing DKIM. Verifiers MUST NOT treat messages from
      Signers in testing mode differently from unsigned email". A key left in testing mode after
      the rollout gives the domain none of DKIM's benefit. Remove `y` from `t=` once signatures
      verify.
      """,
    severity: .warning, references: ["RFC 6376 §3.6.1"],
    examples: [
      CheckExample(
        .passes, domain: "live.test", note: "no t= flag",
        zone: """
          \(ExampleZone.header("live.test"))
          s1._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; p=" + DKIMExampleKeys.rsa2048))
          """),
      CheckExample(
        .fails, domain: "trial.test", note: "t=y left in place",
        zone: """
          \(ExampleZone.header("trial.test"))
          s1._domainkey 300 TXT \(DKIMExampleKeys.txt("v=DKIM1; k=rsa; t=y; p=" + DKIMExampleKeys.rsa2048))
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    snapshot.dkim.keys.filter { $0.isTesting && !$0.isRevoked }.map { key in
      var fix: String?
      if var record = key.record {
        let flags = (record.flags ?? []).filter { $0 != "y" }
        record.flags = flags.isEmpty ? nil : flags
        fix = key.fix(record)
      }
      return finding(
        "\(key.label) is in testing mode (t=y): verifiers treat its signatures like no signature\(key.ownerHint)",
        subject: key.subject, record: key.text, offset: key.offset(ofTag: "t"), fix: fix)
    }
  }
}
