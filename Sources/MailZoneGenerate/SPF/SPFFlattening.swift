public import MailZoneDNS
public import MailZoneRecords

/// A flattened SPF tree: the records to publish, what stays live and why, and the budgets.
public struct SPFFlattening: Sendable {
  public var domain: DNSName
  /// The record as published.
  public var original: SPFRecord
  /// The original's terms, resolved (a redirect target's terms follow its marker).
  public var segments: [SPFSegment]
  /// Indices into `segments` published as live terms.
  public var live: Set<Int>
  /// The top record at `domain`, then the chain records.
  var layout: [SPFRecordLayout.Record]
  /// The lookups the original costs and the flattened set costs, counted by this flattener.
  public var lookupsBefore: Int
  public var lookupsAfter: Int
  public var options: SPFFlattener.Options
  /// Why the records do not fit the budgets, or nil when they do.
  public var misfit: String?
  /// Whether the records fit both budgets.
  public var fits: Bool { misfit == nil }

  init(
    domain: DNSName, original: SPFRecord, segments: [SPFSegment], live: Set<Int>,
    records: [SPFRecordLayout.Record], lookupsBefore: Int, lookupsAfter: Int, options: SPFFlattener.Options,
    misfit: String?
  ) {
    self.domain = domain
    self.original = original
    self.segments = segments
    self.live = live
    self.layout = records
    self.lookupsBefore = lookupsBefore
    self.lookupsAfter = lookupsAfter
    self.options = options
    self.misfit = misfit
  }

  /// Why each term stays live, in record order.
  public var liveTerms: [(term: String, reason: String)] {
    live.sorted().map { index in
      let segment = segments[index]
      let reason = segment.isForcedLive ? segment.note : keepReason(segment)
      return (segment.term.rendered, reason)
    }
  }

  private func keepReason(_ segment: SPFSegment) -> String {
    let target = segment.includeTarget?.lowercased() ?? ""
    if options.keep.contains(where: { SPFFlattener.keepKey($0) == SPFFlattener.keepKey(target) }) {
      return "kept by --keep"
    }
    let rotates = SPFFlattener.rotatingProviders.contains { target == $0 || target.hasSuffix("." + $0) }
    let size = segment.addresses?.networks.count ?? 0
    let what = rotates ? "the provider rotates its addresses" : "\(size) networks, the largest set that fits"
    return what + "; live it costs \(segment.cost) lookups and its changes need no republishing"
  }

  /// The records to publish, as zone records with a comment each.
  public var zoneRecords: [ZoneRecord] {
    layout.enumerated().map { index, record in
      let bytes = record.text.utf8.count
      let comment =
        index == 0
        ? "SPF for \(domain), flattened by mailzone: \(lookupsAfter) lookup\(lookupsAfter == 1 ? "" : "s") "
          + "(was \(lookupsBefore)), \(bytes) bytes"
        : "SPF chain record \(index) of \(layout.count - 1) for \(domain), included by the record above: \(bytes) bytes"
      return ZoneRecord(name: record.name, type: .txt, ttl: options.ttl, value: record.text, comment: comment)
    }
  }

  /// The same records as resource records, to serve from an overlay.
  public var resourceRecords: [ResourceRecord] {
    layout.map { record in
      ResourceRecord(
        owner: record.name, type: .txt, ttl: options.ttl, data: .txt(TXTData(strings: TXTStrings.split(record.text))))
    }
  }

  /// The chain records' names: new names the overlay owns outright.
  public var chainNames: Set<DNSName> { Set(layout.dropFirst().map(\.name)) }
}
