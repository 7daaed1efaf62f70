import MailZoneRecords

/// What the parser noticed in a valid record that no dedicated check reports.
public struct SPFRecordWarningCheck: Check {
  public static let description = CheckDescription(
    id: "spf.record-warning", family: .spf, title: "Questionable SPF term",
    summary: "The record parses but has a term receivers ignore or that can never match.",
    rationale: """
      Some terms are valid SPF yet do nothing: a modifier RFC 7208 does not define is ignored by
      every receiver (§6), often a misspelt `redirect=` or `exp=`, so what it was meant to do does
      not happen; a domain with an empty label or over 253 bytes can never resolve (§4.3) and
      counts as a void lookup. Unknown modifiers are informational (some vendors add their own),
      names that cannot resolve are warnings. Correct or remove the term.
      """,
    severity: .warning, references: ["RFC 7208 §6", "RFC 7208 §4.3", "RFC 7208 §4.6.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "only defined terms",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 exp=why.acme.test -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a misspelt redirect is an unknown modifier",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 redirects=_spf.acme.test"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a name with an empty label",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 a:mail..acme.test -all"
          """),
    ])

  /// Warnings that dedicated checks report (ptr, after-all, ignored redirect, host bits, lookups).
  static let reportedElsewhere: Set<RecordWarning.Code> = [
    .deprecatedMechanism, .unreachableTerm, .ignoredRedirect, .hostBitsSet, .tooManyLookups,
  ]

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let record = spf.parsed else { return [] }
    return record.warnings.filter { !Self.reportedElsewhere.contains($0.code) }.map { warning in
      finding(
        warning.message, subject: spf.subject, record: record.text, offset: warning.offset,
        severity: warning.code == .unknownTag ? .info : .warning)
    }
  }
}
