public import MailZoneDNS

/// Reads a finding's `fix` text (ready-to-paste zone lines) back into records, with ldns.
public enum FixLines {
  /// The records in `text`, which holds absolute names, an explicit TTL and class on every line.
  /// Lines are parsed as a zone rooted at `.`, so any owner name is accepted.
  public static func parse(_ text: String) throws(ZoneFileError) -> [ResourceRecord] {
    let zone = try ZoneFile(text: "$ORIGIN .\n" + text + "\n", path: "fix", origin: .root)
    return zone.entries.map(\.record)
  }
}
