import MailZoneDNS
import MailZoneRecords

/// Writes segments as terms, then fits the terms into records under a size budget.
///
/// Within the stretch between two live terms, the segments' address sets are made disjoint
/// across qualifiers (an address goes to the qualifier of the first segment matching it, as
/// check_host decides) and then merged per qualifier, so reordering inside a stretch keeps every
/// result. Runs of `pass` networks can move into a chain of included records: an include of
/// records holding only `+ip4`/`+ip6` terms and no `all` matches exactly those networks.
struct SPFRecordLayout {
  enum Item: Equatable {
    case term(String)
    /// `pass` networks, movable into a chain.
    case passBlock([String])
  }

  /// The top record's items for `segments`, leaving `live` (indices) as written.
  static func items(_ segments: [SPFSegment], live: Set<Int>, modifiers: [SPFTerm]) -> [Item] {
    var items: [Item] = []
    var groups: [(SPFQualifier, CIDRSet)] = []
    var decided: [SPFQualifier: CIDRSet] = [:]
    func flush() {
      for (qualifier, set) in groups where !set.isEmpty {
        let terms = set.networks.map { (qualifier == .pass ? "" : qualifier.rawValue) + $0.mechanism }
        items.append(qualifier == .pass ? .passBlock(terms) : .term(terms.joined(separator: " ")))
      }
      groups = []
    }
    for (index, segment) in segments.enumerated() {
      guard let addresses = segment.addresses, !live.contains(index) else {
        flush()
        items.append(.term(segment.term.rendered))
        continue
      }
      if segment.term.mechanism == .all {
        flush()
        items.append(.term(segment.term.rendered))
        break
      }
      let earlier = decided.filter { $0.key != segment.qualifier }.values.reduce(CIDRSet()) { $0.union($1) }
      let fresh = addresses.subtracting(earlier)
      if let at = groups.firstIndex(where: { $0.0 == segment.qualifier }) {
        groups[at].1 = groups[at].1.union(fresh)
      } else {
        groups.append((segment.qualifier, fresh))
      }
      decided[segment.qualifier, default: CIDRSet()] = decided[segment.qualifier, default: CIDRSet()].union(addresses)
    }
    flush()
    return items + modifiers.map { .term($0.rendered) }
  }

  /// One record to publish: the name and its SPF text.
  struct Record: Equatable {
    var name: DNSName
    var text: String
  }

  /// The records: the top one at `domain`, then the chain, or nil when the top cannot fit.
  static func records(
    _ items: [Item], domain: DNSName, maxBytes: Int, chain pattern: String
  ) -> [Record]? {
    func render(_ items: [Item]) -> String {
      (["v=spf1"]
        + items.map { item in
          switch item {
          case .term(let text): text
          case .passBlock(let terms): terms.joined(separator: " ")
          }
        }).joined(separator: " ")
    }
    var top = items
    var chain: [Record] = []
    // Move the largest pass blocks out first, until the top record fits.
    while render(top).utf8.count > maxBytes {
      let blocks = top.indices.compactMap { index -> (Int, Int)? in
        if case .passBlock(let terms) = top[index] { (index, terms.joined(separator: " ").utf8.count) } else { nil }
      }
      guard let largest = blocks.max(by: { $0.1 < $1.1 }), case .passBlock(let terms) = top[largest.0] else {
        return nil
      }
      guard let linked = link(terms, first: chain.count + 1, domain: domain, maxBytes: maxBytes, pattern: pattern)
      else { return nil }
      top[largest.0] = .term("include:" + linked[0].name.description)
      chain += linked
    }
    return [Record(name: domain, text: render(top))] + chain
  }

  /// `terms` packed into records named from `pattern` (`_spfN` → `_spf1`, `_spf2`, ...), each
  /// including the next.
  static func link(_ terms: [String], first: Int, domain: DNSName, maxBytes: Int, pattern: String) -> [Record]? {
    func name(_ index: Int) -> DNSName? {
      guard let at = pattern.lastIndex(of: "N") else { return nil }
      let label = pattern[..<at] + String(index) + pattern[pattern.index(after: at)...]
      return try? DNSName(label + "." + domain.description)
    }
    var records: [Record] = []
    var current: [String] = []
    var index = first
    for term in terms {
      guard let next = name(index + 1) else { return nil }
      let reserve = " include:\(next)".utf8.count
      let length = (["v=spf1"] + current + [term]).joined(separator: " ").utf8.count
      if length + reserve > maxBytes, !current.isEmpty {
        guard let own = name(index) else { return nil }
        records.append(Record(name: own, text: (["v=spf1"] + current + ["include:\(next)"]).joined(separator: " ")))
        current = []
        index += 1
      }
      current.append(term)
    }
    guard let own = name(index) else { return nil }
    let last = Record(name: own, text: (["v=spf1"] + current).joined(separator: " "))
    guard last.text.utf8.count <= maxBytes, records.allSatisfy({ $0.text.utf8.count <= maxBytes }) else { return nil }
    return records + [last]
  }
}
