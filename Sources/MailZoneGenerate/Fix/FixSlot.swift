public import MailZoneDNS

/// Where a fix record goes: the records it replaces.
///
/// A name can hold several TXT records of different kinds (an SPF record beside a site
/// verification), so a TXT fix replaces only the record of its kind: the one with the same
/// `v=` tag (`v=spf1`, `v=DMARC1`...). Other types are replaced as a whole RRset, and the plan
/// writes the whole set: an MX fix lists the exchanges it keeps with the one it corrects.
public struct FixSlot: Sendable, Hashable, CustomStringConvertible {
  public var owner: DNSName
  public var type: RRType
  /// `v=spf1` (lower-cased) for TXT, nil for a whole RRset.
  public var kind: String?

  public init(owner: DNSName, type: RRType, kind: String?) {
    self.owner = owner.lowercased
    self.type = type
    self.kind = kind
  }

  /// The slot a record occupies.
  public init(_ record: ResourceRecord) {
    self.init(owner: record.owner, type: record.type, kind: FixSlot.kind(of: record.data))
  }

  /// True when publishing into this slot replaces `record`.
  public func covers(_ record: ResourceRecord) -> Bool {
    guard record.owner.lowercased == owner, record.type == type else { return false }
    let other = FixSlot.kind(of: record.data)
    // RFC 6376 §3.6.1: v= is optional in a key record, so an untagged TXT is a key like a tagged one.
    return other == kind || (kind == "v=dkim1" && other == nil)
  }

  /// `outreach.example. TXT (v=spf1)`.
  public var description: String {
    "\(owner.absoluteText) \(type)" + (kind.map { " (\($0))" } ?? "")
  }

  static func kind(of data: RData) -> String? {
    switch data {
    case .txt(let txt), .spf(let txt):
      let text = txt.text
      guard text.lowercased().hasPrefix("v=") else { return nil }
      let tag = text.prefix { $0 != ";" && $0 != " " && $0 != "\t" }
      return tag.lowercased()
    default: return nil
    }
  }

  /// Types whose fixes correct one member of a set: they add up instead of conflicting.
  var isMultiValued: Bool { type == .mx || type == .a || type == .aaaa }
}
