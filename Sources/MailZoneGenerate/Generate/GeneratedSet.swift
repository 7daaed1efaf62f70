/// A record family: one folder of `Templates/`.
public enum RecordFamily: String, Sendable, Hashable, CaseIterable {
  case mx, spf, dkim, dmarc
  case mtaSTS = "mta-sts"
  case tlsRPT = "tls-rpt"
  case bimi, parked
}

/// The records of one family, with the notes a person must act on.
public struct GeneratedSection: Sendable, Hashable {
  public var family: RecordFamily
  /// Records for the domain's own zone.
  public var records: [ZoneRecord]
  /// Records other zones must publish (DMARC report authorizations at the vendor).
  public var external: [ZoneRecord]
  /// What the user must do by hand.
  public var notes: [String]

  /// Creates a section.
  public init(family: RecordFamily, records: [ZoneRecord] = [], external: [ZoneRecord] = [], notes: [String] = []) {
    self.family = family
    self.records = records
    self.external = external
    self.notes = notes
  }
}

/// A file to serve over HTTPS (the MTA-STS policy).
public struct GeneratedFile: Sendable, Hashable {
  public var url: String
  public var content: String

  /// Creates a file.
  public init(url: String, content: String) {
    self.url = url
    self.content = content
  }
}

/// Everything `mailzone generate` emits for one configuration.
public struct GeneratedSet: Sendable, Hashable {
  public var domain: String
  public var sections: [GeneratedSection]
  public var files: [GeneratedFile]

  /// Every record for the domain's own zone, in section order.
  public var zoneRecords: [ZoneRecord] { sections.flatMap(\.records) }
  /// Every record other zones must publish.
  public var externalRecords: [ZoneRecord] { sections.flatMap(\.external) }
}
