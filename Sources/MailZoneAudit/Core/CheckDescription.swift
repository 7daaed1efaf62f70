/// The record families checks belong to; reports group findings by them.
public enum CheckFamily: String, Sendable, Hashable, CaseIterable {
  case dns, spf, dmarc, dkim, mx
  case mtaSTS = "mta-sts"
  case tlsRPT = "tls-rpt"
  case bimi, domain, input
  /// Zone-file hygiene (`mailzone check`): syntax, duplicates, names and TTLs in the file itself.
  case zone
}

/// Everything a user (and `mailzone explain`) needs to know about a check.
public struct CheckDescription: Sendable, Hashable {
  /// Stable forever, kebab-case, prefixed by the family: `spf.lookup-limit`.
  public var id: String
  public var family: CheckFamily
  public var title: String
  /// One line.
  public var summary: String
  /// Why it matters, in Markdown.
  public var rationale: String
  public var severity: Severity
  /// Where the rule comes from: `RFC 7208 §4.6.4`.
  public var references: [String]
  /// Zones that must pass and zones that must fail; the test suite runs every one.
  public var examples: [CheckExample]

  public init(
    id: String, family: CheckFamily, title: String, summary: String, rationale: String, severity: Severity,
    references: [String], examples: [CheckExample]
  ) {
    self.id = id
    self.family = family
    self.title = title
    self.summary = summary
    self.rationale = rationale
    self.severity = severity
    self.references = references
    self.examples = examples
  }
}

/// A zone that shows a check passing or failing. The zone is BIND text whose names are under
/// `domain` (use `$ORIGIN`); names in no zone are unknown (outside-zones) unless `extraZones` serve them.
public struct CheckExample: Sendable, Hashable {
  public enum Outcome: String, Sendable, Hashable {
    /// The check reports nothing for this zone.
    case passes
    /// The check reports at least one finding.
    case fails
  }

  public var outcome: Outcome
  public var domain: String
  public var zone: String
  /// Further zones (other domains the example refers to: a provider, a report destination).
  public var extraZones: [String]
  /// DKIM selectors to probe besides discovery (like `--selector`).
  public var selectors: [String]
  /// One line on what the example shows.
  public var note: String

  public init(
    _ outcome: Outcome, domain: String, note: String, zone: String, extraZones: [String] = [],
    selectors: [String] = []
  ) {
    self.outcome = outcome
    self.domain = domain
    self.zone = zone
    self.extraZones = extraZones
    self.selectors = selectors
    self.note = note
  }
}
