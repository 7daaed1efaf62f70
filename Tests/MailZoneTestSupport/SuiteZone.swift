public import MailZoneDNS
import MailZoneNet

/// A value in an openspf suite scenario's `zonedata`, as the YAML wrote it.
public enum SuiteZoneValue: Sendable, Hashable {
  case scalar(String)
  case list([String])
  case null
}

/// One entry of an owner's list in `zonedata`: the bare marker `TIMEOUT`, or `{TYPE: value}`.
public enum SuiteZoneEntry: Sendable, Hashable {
  case timeout
  case record(type: String, value: SuiteZoneValue)
}

/// Why `zonedata` could not be turned into records.
public struct SuiteZoneError: Error, Sendable, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}

/// One scenario's DNS data with the meaning pyspf's `test/testspf.py` gives it, in the same form
/// `shared/conformance/spf_suite.py` serves over the wire (its `convert_zonedata` and `ServeZone`):
///
/// - TXT/SPF: a string is one character-string, a list several (joined without separator by the
///   checker), `[]` none at all; strings over 255 octets are split as the wire would split them.
/// - `TXT: NONE` marks "no TXT here"; otherwise an owner with SPF (type 99) records and no TXT
///   entry also gets each SPF record as a TXT record, appended after its other entries.
/// - A bare `TIMEOUT`: queries at that owner time out, except for types listed before the marker;
///   entries after it are never served. `{TYPE: TIMEOUT}` times out that type only.
/// - Owners listed, and their ancestors, exist (NODATA for missing types); other names are NXDOMAIN.
/// - An owner that cannot be encoded (empty label, label over 63 octets) can never be asked; it is
///   left out and noted.
public struct SuiteZone: Sendable {
  /// A query of `type` at the owner (nil: any type with no RRset there) is never answered.
  public struct Fault: Sendable, Hashable {
    public var name: DNSName
    public var type: RRType?
  }

  /// Every record, per owner in suite order (duplicates kept).
  public private(set) var records: [DNSName: [ResourceRecord]] = [:]
  public private(set) var faults: [Fault] = []
  /// Names that exist: owners, names with faults, and every ancestor of those (empty non-terminals).
  public private(set) var existing: Set<DNSName> = [.root]
  /// What was left out, and why.
  public private(set) var notes: [String] = []

  public static let ttl: UInt32 = 300

  public init(_ zonedata: [(owner: String, entries: [SuiteZoneEntry])]) throws(SuiteZoneError) {
    for (owner, entries) in zonedata {
      guard let name = SuiteZone.name(owner) else {
        notes.append("\(owner): owner cannot be encoded on the wire, never asked")
        continue
      }
      try add(name, owner: owner, entries: entries)
    }
  }

  /// A suite name (final dot optional, `""` is the root) as labels of its UTF-8 bytes, or nil when
  /// the name cannot be put on the wire.
  public static func name(_ text: String) -> DNSName? {
    if text.isEmpty || text == "." { return .root }
    let trimmed = text.hasSuffix(".") ? String(text.dropLast()) : text
    let labels = trimmed.split(separator: ".", omittingEmptySubsequences: false).map { Array($0.utf8) }
    return try? DNSName(labels: labels)
  }

  private enum Item {
    case timeout
    case record(String, SuiteZoneValue)
  }

  private mutating func add(_ name: DNSName, owner: String, entries: [SuiteZoneEntry]) throws(SuiteZoneError) {
    var items: [Item] = []
    var hasTXT = false
    var spfValues: [SuiteZoneValue] = []
    for entry in entries {
      guard case .record(let rawType, let value) = entry else {
        items.append(.timeout)
        continue
      }
      let type = rawType.uppercased()
      if type == "TXT" || type == "SPF" {
        let strings = SuiteZoneValue.list(value.strings)
        if type == "TXT" { hasTXT = true } else { spfValues.append(strings) }
        if strings == .list(["NONE"]) { continue }  // a marker, not a record
        items.append(.record(type, strings))
      } else {
        items.append(.record(type, value))
      }
    }
    if !hasTXT {
      items += spfValues.filter { $0 != .list(["NONE"]) }.map { .record("TXT", $0) }
    }
    if let marker = items.firstIndex(where: { if case .timeout = $0 { true } else { false } }) {
      if marker + 1 < items.count {
        notes.append("\(owner): \(items.count - marker - 1) entries after TIMEOUT never served")
      }
      items = Array(items[..<marker])
      faults.append(Fault(name: name, type: nil))
    }
    for case .record(let type, let value) in items {
      if case .scalar(let text) = value, text.uppercased() == "TIMEOUT" {
        guard let rrType = RRType(name: type) else { throw SuiteZoneError("\(owner): unknown type \(type)") }
        faults.append(Fault(name: name, type: rrType))
        continue
      }
      guard let record = try SuiteZone.record(name, type: type, value: value) else {
        notes.append("\(owner): unsupported type \(type) ignored")
        continue
      }
      records[name, default: []].append(record)
    }
    var ancestor: DNSName? = name
    while let current = ancestor {
      existing.insert(current)
      ancestor = current.parent
    }
  }

  private static func record(_ owner: DNSName, type: String, value: SuiteZoneValue) throws(SuiteZoneError)
    -> ResourceRecord?
  {
    let data: RData
    switch (type, value) {
    case ("A", .scalar(let text)):
      guard let address = IPv4Address(text) else { throw SuiteZoneError("\(owner): bad A \(text)") }
      data = .a(address)
    case ("AAAA", .scalar(let text)):
      guard let address = IPv6Address(text) else { throw SuiteZoneError("\(owner): bad AAAA \(text)") }
      data = .aaaa(address)
    case ("MX", .list(let parts)):
      guard parts.count == 2, let preference = UInt16(parts[0]), let exchange = name(parts[1]) else {
        throw SuiteZoneError("\(owner): bad MX \(parts)")
      }
      data = .mx(MXData(preference: preference, exchange: exchange))
    case ("PTR", .scalar(let text)), ("CNAME", .scalar(let text)):
      guard let target = name(text) else { throw SuiteZoneError("\(owner): bad \(type) target \(text)") }
      data = type == "PTR" ? .ptr(target) : .cname(target)
    case ("TXT", .list(let strings)), ("SPF", .list(let strings)):
      let txt = TXTData(strings: strings.flatMap { split255(Array($0.utf8)) })
      data = type == "TXT" ? .txt(txt) : .spf(txt)
    case ("A", _), ("AAAA", _), ("MX", _), ("PTR", _), ("CNAME", _):
      throw SuiteZoneError("\(owner): bad \(type) value \(value)")
    default:
      return nil
    }
    guard let rrType = RRType(name: type) else { return nil }
    return ResourceRecord(owner: owner, type: rrType, ttl: ttl, data: data)
  }

  /// A character-string holds at most 255 octets; a longer suite string goes out as several.
  private static func split255(_ bytes: [UInt8]) -> [[UInt8]] {
    guard bytes.count > 255 else { return [bytes] }
    return stride(from: 0, to: bytes.count, by: 255).map { Array(bytes[$0..<min($0 + 255, bytes.count)]) }
  }
}

extension SuiteZoneValue {
  /// TXT/SPF strings: a scalar is one string, a list several, null none.
  var strings: [String] {
    switch self {
    case .scalar(let text): [text]
    case .list(let items): items
    case .null: []
    }
  }
}
