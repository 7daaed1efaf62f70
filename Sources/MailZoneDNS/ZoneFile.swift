internal import CLDNS

#if canImport(Glibc)
  import Glibc
#endif

/// One BIND zone file, checked and parsed by ldns: its apex and its records with their lines.
public struct ZoneFile: Sendable {
  /// A record and where it starts: line, column of its first token, column its rdata starts at,
  /// and the column of its TTL when the record states one.
  public struct Entry: Sendable, Hashable {
    public var record: ResourceRecord
    public var line: Int?
    public var column: Int?
    public var rdataColumn: Int?
    public var ttlColumn: Int?

    public init(
      record: ResourceRecord, line: Int?, column: Int? = nil, rdataColumn: Int? = nil, ttlColumn: Int? = nil
    ) {
      self.record = record
      self.line = line
      self.column = column
      self.rdataColumn = rdataColumn
      self.ttlColumn = ttlColumn
    }
  }

  public let path: String
  /// The zone's apex: the SOA owner, or the origin when the file has no SOA.
  public let apex: DNSName
  public let soa: ResourceRecord?
  public let entries: [Entry]

  /// Reads and parses `path`. `origin` stands in for a missing `$ORIGIN`.
  public init(path: String, origin: DNSName? = nil) throws(ZoneFileError) {
    let bytes: [UInt8]
    do {
      bytes = try readFileBytes(path)
    } catch {
      throw ZoneFileError(file: path, line: nil, rule: .unreadable, message: "cannot read: \(error.reason)")
    }
    try self.init(bytes: bytes, path: path, origin: origin)
  }

  /// Parses zone text; `path` names it in errors.
  public init(text: String, path: String, origin: DNSName? = nil) throws(ZoneFileError) {
    try self.init(bytes: Array(text.utf8), path: path, origin: origin)
  }

  init(bytes: [UInt8], path: String, origin: DNSName?) throws(ZoneFileError) {
    var lexer = ZoneFileLexer(bytes: bytes, file: path)
    let summary = try ZoneFileChecker(file: path, origin: origin).check(lexer.entries())
    let parsed = try LDNSZoneParser.parse(bytes: bytes, path: path, origin: origin)
    guard let apex = parsed.soa?.owner ?? origin ?? summary.declaredOrigin else {
      throw ZoneFileError(
        file: path, line: nil, rule: .noApex, message: "no SOA record and no origin: add an SOA, $ORIGIN or --origin")
    }
    if let second = summary.records.dropFirst().firstIndex(where: { $0.type == "SOA" }),
      summary.records[..<second].contains(where: { $0.type == "SOA" })
    {
      throw ZoneFileError(
        file: path, line: summary.records[second].line, rule: .secondSOA, message: "a zone file holds one SOA record")
    }
    // Lines: ldns returns the records in file order with the SOA taken out; the lexer saw the same
    // records, so pair them up when the counts agree.
    let spots = summary.records.filter { $0.type != "SOA" }
    let paired = spots.count == parsed.records.count
    var entries: [Entry] = []
    for (index, record) in parsed.records.enumerated() {
      let spot = paired ? spots[index] : nil
      guard record.owner.isSubdomain(of: apex) else {
        throw ZoneFileError(
          file: path, line: spot?.line, column: spot?.column, rule: .outOfZone,
          message: "\(record.owner.absoluteText) is outside the zone \(apex.absoluteText)")
      }
      entries.append(
        Entry(
          record: record, line: spot?.line, column: spot?.column, rdataColumn: spot?.rdataColumn,
          ttlColumn: spot?.ttlColumn))
    }
    if let soa = parsed.soa {
      let spot = summary.records.first { $0.type == "SOA" }
      entries.insert(
        Entry(
          record: soa, line: spot?.line, column: spot?.column, rdataColumn: spot?.rdataColumn,
          ttlColumn: spot?.ttlColumn), at: 0)
    }
    self.path = path
    self.apex = apex
    self.soa = parsed.soa
    self.entries = entries
  }
}

/// The ldns side of zone parsing, kept apart so every ldns pointer stays in this file.
enum LDNSZoneParser {
  struct Parsed {
    var soa: ResourceRecord?
    var records: [ResourceRecord]
  }

  static func parse(bytes: [UInt8], path: String, origin: DNSName?) throws(ZoneFileError) -> Parsed {
    var copy = bytes
    if copy.isEmpty { copy = [UInt8(ascii: "\n")] }
    let result: Result<Parsed, ZoneFileError> = copy.withUnsafeMutableBytes { buffer in
      guard let file = fmemopen(buffer.baseAddress, buffer.count, "r") else {
        return .failure(ZoneFileError(file: path, line: nil, rule: .unreadable, message: "cannot open in memory"))
      }
      defer { fclose(file) }
      return parse(file: file, path: path, origin: origin)
    }
    return try result.get()
  }

  private static func parse(file: UnsafeMutablePointer<FILE>, path: String, origin: DNSName?) -> Result<
    Parsed, ZoneFileError
  > {
    var originRDF: UnsafeMutablePointer<ldns_rdf>?
    if let origin {
      originRDF = origin.wire.withUnsafeBytes { ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, $0.count, $0.baseAddress) }
    }
    defer { if let originRDF { ldns_rdf_deep_free(originRDF) } }
    var zone: UnsafeMutablePointer<ldns_zone>?
    var line: Int32 = 0
    let status = ldns_zone_new_frm_fp_l(&zone, file, originRDF, 3600, LDNS_RR_CLASS_IN, &line)
    guard status == LDNS_STATUS_OK, let zone else {
      if let zone { ldns_zone_deep_free(zone) }
      return .failure(
        ZoneFileError(
          file: path, line: Int(line), rule: .syntax, message: LDNSCodec.errorText(status)))
    }
    defer { ldns_zone_deep_free(zone) }
    let soa = ldns_zone_soa(zone).flatMap(LDNSCodec.record)
    return .success(Parsed(soa: soa, records: LDNSCodec.records(ldns_zone_rrs(zone))))
  }
}
