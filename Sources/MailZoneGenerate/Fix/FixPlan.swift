public import MailZoneAudit
public import MailZoneDNS

/// The corrected records for one domain: what to publish, and which findings each change resolves.
public struct FixPlan: Sendable {
  /// One slot's new records and the findings they resolve.
  public struct Change: Sendable {
    public var slot: FixSlot
    public var records: [ZoneRecord]
    /// Findings whose fix wrote these records, most severe first.
    public var resolves: [Finding]
    /// Findings an earlier change resolves that need these records too (an SPF chain record).
    public var partOf: [Finding] = []
    /// Findings whose fix for this slot conflicted with the one chosen and is not resolved by it.
    public var superseded: [Finding]
  }

  public var domain: DNSName
  public var changes: [Change]
  /// Findings that had a fix and remain after the changes (a conflict, or a fix that does not resolve).
  public var stillOpen: [Finding]
  /// Warnings and errors that remain after the changes and have no automatic fix: a person
  /// has to decide (a weak DKIM key needs a new key pair; an SPF record too large to flatten).
  public var noFix: [Finding]
  /// Errors the audit reports with the changes applied that it did not report before.
  public var introduced: [Finding]
  /// Findings whose fix text could not be read back as zone records, with the reason.
  public var unreadable: [(finding: Finding, reason: String)]
  /// False when the audit could not collect every answer, so findings (and fixes) may be missing.
  public var isComplete: Bool

  public var isEmpty: Bool { changes.isEmpty }

  /// The snippet to paste: one comment block and record group per change.
  public var bindSnippet: String {
    var lines: [String] = []
    guard !changes.isEmpty else {
      lines.append(noFix.isEmpty ? "; \(domain): nothing to fix" : "; \(domain): no change to suggest")
      lines += notes
      return lines.joined(separator: "\n") + "\n"
    }
    let resolved = changes.reduce(0) { $0 + $1.resolves.count }
    lines.append(
      "; \(domain): \(changes.count) change\(changes.count == 1 ? "" : "s") resolving \(resolved) finding(s)")
    lines.append("; each record replaces the published one of the same name and type")
    lines.append("; (TXT: the one with the same v= tag; MX, A, AAAA: the whole set, listed in full)")
    for change in changes {
      lines.append("")
      for finding in change.resolves { lines.append("; resolves \(finding.checkID): \(oneLine(finding.message))") }
      for finding in change.partOf { lines.append("; part of the fix for \(finding.checkID) above") }
      for finding in change.superseded {
        lines.append("; not applied: \(finding.checkID) (\(oneLine(finding.message))): its fix conflicts with this one")
      }
      lines += change.records.map(\.bindLine)
    }
    lines += notes
    return lines.joined(separator: "\n") + "\n"
  }

  private var notes: [String] {
    var lines: [String] = []
    if !isComplete { lines.append("; the audit was incomplete (a DNS query failed): some fixes may be missing") }
    for finding in stillOpen { lines.append("; still open: \(finding.checkID): \(oneLine(finding.message))") }
    for finding in noFix {
      lines.append("; no automatic fix: \(finding.severity.rawValue) \(finding.checkID): \(oneLine(finding.message))")
    }
    for finding in introduced {
      lines.append("; warning: with these changes the audit reports \(finding.checkID): \(oneLine(finding.message))")
    }
    for (finding, reason) in unreadable {
      lines.append("; skipped: the fix for \(finding.checkID) is not a valid zone line: \(oneLine(reason))")
    }
    return lines.isEmpty ? [] : [""] + lines
  }

  private func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
