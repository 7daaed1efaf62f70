public import MailZoneDNS

/// Places DNS-check findings in the zone files: the record a finding is about (by its subject's
/// owner name and type, and its record text); for a name outside the files, the record that
/// points at it; for a record that is absent, the first record of its owner name (the SOA at the
/// apex), else the SOA of the zone that should hold it.
public struct FindingLocator: Sendable {
  struct Located: Sendable {
    var source: ZoneSource
    var entry: ZoneFile.Entry
  }

  private let sources: [ZoneSource]
  private let byOwner: [DNSName: [Located]]

  public init(sources: [ZoneSource]) {
    self.sources = sources
    var byOwner: [DNSName: [Located]] = [:]
    for source in sources {
      for entry in source.file?.entries ?? [] {
        byOwner[entry.record.owner.lowercased, default: []].append(Located(source: source, entry: entry))
      }
    }
    self.byOwner = byOwner
  }

  /// Where `finding` (from auditing `domain`) belongs, or nil when no loaded file holds its name.
  public func locate(_ finding: Finding, domain: DNSName) -> SourceLocation? {
    let parts = finding.subject.split(separator: " ", maxSplits: 1)
    let name = parts.first.flatMap { try? DNSName(String($0)) }?.lowercased
    let type = parts.count > 1 ? String(parts[1]) : nil
    let candidates = name.flatMap { byOwner[$0] } ?? []
    if let record = finding.record, let match = candidates.first(where: { Self.text(of: $0.entry.record) == record }),
      let line = match.entry.line
    {
      let column =
        Self.column(of: finding.offset, in: match.source.line(line), entry: match.entry)
        ?? match.entry.rdataColumn ?? match.entry.column ?? 1
      return SourceLocation(file: match.source.path, line: line, column: column)
    }
    if let match = candidates.first(where: { type != nil && "\($0.entry.record.type)" == type }),
      let line = match.entry.line
    {
      return SourceLocation(
        file: match.source.path, line: line, column: match.entry.rdataColumn ?? match.entry.column ?? 1)
    }
    if let match = candidates.first, let line = match.entry.line {
      return SourceLocation(file: match.source.path, line: line, column: match.entry.column ?? 1)
    }
    if let name, candidates.isEmpty, let reference = reference(to: name) { return reference }
    // Absent records are placed at the SOA of the zone that would hold them.
    guard let zone = zone(holding: name ?? domain) ?? zone(holding: domain),
      let soa = zone.file?.entries.first(where: { $0.record.type == .soa }) ?? zone.file?.entries.first,
      let line = soa.line
    else { return nil }
    return SourceLocation(file: zone.path, line: line, column: soa.column ?? 1)
  }

  /// For a name outside the files (a provider's record): the record in the files that points at
  /// it, an SPF `include:`/`redirect=` (at that term), or a CNAME or MX target.
  func reference(to name: DNSName) -> SourceLocation? {
    let ordered = byOwner.values.joined().sorted {
      ($0.source.path, $0.entry.line ?? 0) < ($1.source.path, $1.entry.line ?? 0)
    }
    for located in ordered {
      let entry = located.entry
      guard let line = entry.line else { continue }
      var target: DNSName?
      switch entry.record.data {
      case .txt(let txt):
        if let offset = Self.spfTerm(naming: name, in: txt.text) {
          let column = Self.column(of: offset, in: located.source.line(line), entry: entry) ?? entry.rdataColumn ?? 1
          return SourceLocation(file: located.source.path, line: line, column: column)
        }
      case .cname(let name): target = name
      case .mx(let mx): target = mx.exchange
      default: break
      }
      if target?.lowercased == name.lowercased {
        return SourceLocation(file: located.source.path, line: line, column: entry.rdataColumn ?? 1)
      }
    }
    return nil
  }

  /// The offset of `include:NAME` or `redirect=NAME` in an SPF record's text.
  static func spfTerm(naming name: DNSName, in text: String) -> Int? {
    guard AuthRecords.kind(of: text) == "SPF" else { return nil }
    let lower = text.lowercased()
    let terms = lower.split(separator: " ", omittingEmptySubsequences: true)
    let wanted = name.description.lowercased()
    for term in terms {
      let body = term.drop { "+-~?".contains($0) }
      for prefix in ["include:", "redirect="] where body.hasPrefix(prefix) {
        let value = body.dropFirst(prefix.count)
        if value == wanted || value == wanted + "." {
          return lower.utf8.distance(from: lower.startIndex, to: term.startIndex)
        }
      }
    }
    return nil
  }

  /// The source whose apex is the closest enclosing zone of `name`.
  public func zone(holding name: DNSName) -> ZoneSource? {
    sources.filter { $0.file.map { name.isSubdomain(of: $0.apex) } ?? false }
      .max { ($0.file?.apex.labels.count ?? 0) < ($1.file?.apex.labels.count ?? 0) }
  }

  /// The text findings quote for a record: TXT strings joined, other types in presentation form.
  static func text(of record: ResourceRecord) -> String {
    switch record.data {
    case .txt(let txt), .spf(let txt): return txt.text
    default: return record.data.presentation
    }
  }

  /// The column of byte `offset` of a TXT record's joined text, when its strings sit on one line
  /// without escapes (otherwise nil: the caller falls back to where the rdata starts).
  static func column(of offset: Int?, in line: String?, entry: ZoneFile.Entry) -> Int? {
    guard let offset, let line, let start = entry.rdataColumn, entry.record.type == .txt else { return nil }
    let bytes = Array(line.utf8)
    var index = start - 1
    var consumed = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") { return nil }
      if byte != UInt8(ascii: "\"") {
        index += 1
        continue
      }
      var end = index + 1
      while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
        if bytes[end] == UInt8(ascii: "\\") { return nil }
        end += 1
      }
      let length = end - index - 1
      if offset < consumed + length || (offset == consumed + length && end + 1 >= bytes.count) {
        return index + 2 + (offset - consumed)
      }
      consumed += length
      index = end + 1
    }
    return nil
  }
}
