public import MailZoneDNS

/// One difference between the records live DNS serves at a (name, type) and those the zone
/// files would serve there.
public struct RecordChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    /// Only the zone files have it.
    case added
    /// Only live DNS has it.
    case removed
    /// One record of the same family replaced by another: `before` → `after`.
    case changed
    /// The same TXT content split into other character-strings: harmless, not a change.
    case resplit
  }

  public var kind: Kind
  public var name: DNSName
  public var type: RRType
  /// The live record's data in presentation format (TXT: the joined content), nil when added.
  public var before: String?
  /// The zone file's record data, nil when removed.
  public var after: String?

  public init(kind: Kind, name: DNSName, type: RRType, before: String?, after: String?) {
    self.kind = kind
    self.name = name
    self.type = type
    self.before = before
    self.after = after
  }

  /// Whether deploying changes what is served (a re-split does not).
  public var isChange: Bool { kind != .resplit }
}

/// Compares two RRsets at one name, order-insensitively; TXT by its joined content.
enum RecordSetComparison {
  /// One record reduced to what the comparison sees.
  struct Item: Hashable {
    /// Identity: the joined TXT bytes as text, or the lower-cased presentation of other data.
    var key: String
    /// Shown to the user.
    var text: String
    /// TXT only: the character-strings, to notice a re-split.
    var strings: [[UInt8]]
    /// Records of one family at one name replace each other (`v=spf1`, `v=DMARC1`, ...).
    var family: String
  }

  static func item(_ record: ResourceRecord) -> Item {
    if case .txt(let txt) = record.data {
      let text = txt.text
      return Item(key: text, text: text, strings: txt.strings, family: family(of: text, at: record.owner))
    }
    let text = record.data.presentation
    return Item(key: text.lowercased(), text: text, strings: [], family: record.type.description)
  }

  /// The mail-auth family a TXT record belongs to: by its owner's special label, else its tag.
  static func family(of text: String, at owner: DNSName) -> String {
    let labels = owner.lowercased.labels.map { String(decoding: $0, as: UTF8.self) }
    if labels.first == "_dmarc" { return "dmarc" }
    if labels.contains("_domainkey") { return "dkim" }
    if labels.first == "_mta-sts" { return "mta-sts" }
    if labels.starts(with: ["_smtp", "_tls"]) { return "tls-rpt" }
    if labels.contains("_bimi") { return "bimi" }
    let lower = text.lowercased()
    if lower == "v=spf1" || lower.hasPrefix("v=spf1 ") { return "spf" }
    return "other"
  }

  /// Differences from `before` to `after` at `name`/`type`, in a stable order.
  static func compare(name: DNSName, type: RRType, before: [ResourceRecord], after: [ResourceRecord])
    -> [RecordChange]
  {
    let old = unique(before.map(item))
    let new = unique(after.map(item))
    let oldKeys = Set(old.map(\.key))
    let newKeys = Set(new.map(\.key))
    var changes: [RecordChange] = []
    for item in old where newKeys.contains(item.key) {
      if let match = new.first(where: { $0.key == item.key }), match.strings != item.strings {
        changes.append(
          RecordChange(
            kind: .resplit, name: name, type: type, before: splitDescription(item.strings),
            after: splitDescription(match.strings)))
      }
    }
    let removed = old.filter { !newKeys.contains($0.key) }
    let added = new.filter { !oldKeys.contains($0.key) }
    var pairedOld: Set<String> = []
    var pairedNew: Set<String> = []
    for family in Set(removed.map(\.family)).sorted() {
      let gone = removed.filter { $0.family == family }
      let came = added.filter { $0.family == family }
      guard gone.count == 1, came.count == 1, let from = gone.first, let to = came.first else { continue }
      changes.append(RecordChange(kind: .changed, name: name, type: type, before: from.text, after: to.text))
      pairedOld.insert(from.key)
      pairedNew.insert(to.key)
    }
    for item in removed where !pairedOld.contains(item.key) {
      changes.append(RecordChange(kind: .removed, name: name, type: type, before: item.text, after: nil))
    }
    for item in added where !pairedNew.contains(item.key) {
      changes.append(RecordChange(kind: .added, name: name, type: type, before: nil, after: item.text))
    }
    return changes
  }

  private static func unique(_ items: [Item]) -> [Item] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0.key).inserted }.sorted { $0.key < $1.key }
  }

  /// `2 strings (255 + 120 bytes)`.
  private static func splitDescription(_ strings: [[UInt8]]) -> String {
    let sizes = strings.map { String($0.count) }.joined(separator: " + ")
    return "\(strings.count) string\(strings.count == 1 ? "" : "s") (\(sizes) bytes)"
  }
}
