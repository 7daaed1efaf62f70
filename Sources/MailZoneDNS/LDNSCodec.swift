internal import CLDNS
import MailZoneNet

/// Builds query packets and parses replies with ldns. Every ldns object is copied out into Swift
/// values and freed in the scope that made it; no ldns pointer leaves this file.
enum LDNSCodec {
  /// A reply parsed into Swift values.
  struct Message {
    var id: UInt16
    var rcode: UInt16
    var flags: DNSFlags
    var answer: [ResourceRecord]
    var authority: [ResourceRecord]
  }

  /// Query options for `makeQuery`.
  struct QueryOptions: Sendable {
    var recursionDesired = true
    /// EDNS(0) UDP payload size to advertise; nil sends no OPT record.
    var ednsSize: UInt16? = 1232
    /// Sets the DO bit (RFC 3225) so a validating resolver returns AD.
    var dnssecOK = false
  }

  /// Wire format of a query for `name`/`type` with message ID `id` as ldns encodes it, or nil if ldns
  /// refused it. The resolver sends `QueryWire` bytes; this is the reference a test holds them to.
  static func makeQuery(name: DNSName, type: RRType, id: UInt16, options: QueryOptions) -> [UInt8]? {
    let wireName = name.wire
    let rdf = wireName.withUnsafeBytes { bytes in
      ldns_rdf_new_frm_data(LDNS_RDF_TYPE_DNAME, bytes.count, bytes.baseAddress)
    }
    guard let rdf else { return nil }
    let flags = UInt16(options.recursionDesired ? LDNS_RD : 0)
    // The packet takes ownership of `rdf` (LDNS-NOTES.md): freeing the packet frees it.
    guard let packet = ldns_pkt_query_new(rdf, ldns_rr_type(rawValue: UInt32(type.rawValue)), LDNS_RR_CLASS_IN, flags)
    else {
      ldns_rdf_deep_free(rdf)
      return nil
    }
    defer { ldns_pkt_free(packet) }
    ldns_pkt_set_id(packet, id)
    if let size = options.ednsSize {
      ldns_pkt_set_edns_udp_size(packet, size)
      ldns_pkt_set_edns_do(packet, options.dnssecOK)
    }
    var buffer: UnsafeMutablePointer<UInt8>?
    var size = 0
    guard ldns_pkt2wire(&buffer, packet, &size) == LDNS_STATUS_OK, let buffer else { return nil }
    defer { free(buffer) }
    return Array(UnsafeBufferPointer(start: buffer, count: size))
  }

  /// Parses a reply; a malformed one gives the ldns error text.
  static func parse(_ bytes: [UInt8]) -> Result<Message, DNSResponse.Failure> {
    var packet: UnsafeMutablePointer<ldns_pkt>?
    let status = bytes.withUnsafeBufferPointer { ldns_wire2pkt(&packet, $0.baseAddress, $0.count) }
    guard status == LDNS_STATUS_OK, let packet else {
      if let packet { ldns_pkt_free(packet) }
      return .failure(.error("malformed reply: \(errorText(status))"))
    }
    defer { ldns_pkt_free(packet) }
    var flags = DNSFlags()
    flags.authoritative = ldns_pkt_aa(packet)
    flags.truncated = ldns_pkt_tc(packet)
    flags.recursionDesired = ldns_pkt_rd(packet)
    flags.recursionAvailable = ldns_pkt_ra(packet)
    flags.authenticData = ldns_pkt_ad(packet)
    flags.checkingDisabled = ldns_pkt_cd(packet)
    return .success(
      Message(
        id: ldns_pkt_id(packet), rcode: UInt16(cldns_pkt_rcode(packet)), flags: flags,
        answer: records(ldns_pkt_answer(packet)), authority: records(ldns_pkt_authority(packet))))
  }

  /// Copies every record of a borrowed list (skipping ones whose owner is not a valid name).
  static func records(_ list: UnsafeMutablePointer<ldns_rr_list>?) -> [ResourceRecord] {
    guard let list else { return [] }
    let count = ldns_rr_list_rr_count(list)
    var out: [ResourceRecord] = []
    out.reserveCapacity(count)
    for index in 0..<count {
      if let rr = ldns_rr_list_rr(list, index), let record = record(rr) { out.append(record) }
    }
    return out
  }

  /// Copies one borrowed ldns record into a `ResourceRecord`.
  static func record(_ rr: UnsafeMutablePointer<ldns_rr>) -> ResourceRecord? {
    guard let ownerRDF = ldns_rr_owner(rr), let owner = name(ownerRDF) else { return nil }
    let type = RRType(rawValue: UInt16(truncatingIfNeeded: ldns_rr_get_type(rr).rawValue))
    let fields = (0..<ldns_rr_rd_count(rr)).compactMap { ldns_rr_rdf(rr, $0) }
    return ResourceRecord(owner: owner, type: type, ttl: ldns_rr_ttl(rr), data: rdata(type, fields))
  }

  /// Typed rdata; a record whose fields do not have the expected shape stays `.unknown`.
  private static func rdata(_ type: RRType, _ fields: [UnsafeMutablePointer<ldns_rdf>]) -> RData {
    let raw = fields.map(bytes)
    switch (type, fields.count) {
    case (.a, 1) where raw[0].count == 4:
      return .a(IPv4Address(raw[0][0], raw[0][1], raw[0][2], raw[0][3]))
    case (.aaaa, 1):
      if let address = IPv6Address(bytes: raw[0]) { return .aaaa(address) }
    case (.cname, 1), (.ns, 1), (.ptr, 1):
      guard let target = name(fields[0]) else { break }
      return type == .cname ? .cname(target) : type == .ns ? .ns(target) : .ptr(target)
    case (.mx, 2) where raw[0].count == 2:
      if let exchange = name(fields[1]) { return .mx(MXData(preference: uint(raw[0]), exchange: exchange)) }
    case (.txt, _), (.spf, _):
      guard let strings = characterStrings(raw) else { break }
      return type == .txt ? .txt(TXTData(strings: strings)) : .spf(TXTData(strings: strings))
    case (.soa, 7) where raw[2...].allSatisfy({ $0.count == 4 }):
      guard let mname = name(fields[0]), let rname = name(fields[1]) else { break }
      return .soa(
        SOAData(
          mname: mname, rname: rname, serial: uint(raw[2]), refresh: uint(raw[3]), retry: uint(raw[4]),
          expire: uint(raw[5]), minimum: uint(raw[6])))
    case (.tlsa, 4) where raw[0...2].allSatisfy({ $0.count == 1 }):
      return .tlsa(
        TLSAData(usage: raw[0][0], selector: raw[1][0], matchingType: raw[2][0], certificateData: raw[3]))
    default:
      break
    }
    return .unknown(raw.flatMap { $0 })
  }

  /// Each STR rdf is a length octet and that many bytes (LDNS-NOTES.md).
  private static func characterStrings(_ raw: [[UInt8]]) -> [[UInt8]]? {
    var strings: [[UInt8]] = []
    for field in raw {
      guard let length = field.first, field.count == Int(length) + 1 else { return nil }
      strings.append(Array(field.dropFirst()))
    }
    return strings
  }

  private static func bytes(_ rdf: UnsafeMutablePointer<ldns_rdf>) -> [UInt8] {
    let size = ldns_rdf_size(rdf)
    guard size > 0, let data = ldns_rdf_data(rdf) else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  static func name(_ rdf: UnsafeMutablePointer<ldns_rdf>) -> DNSName? {
    let size = ldns_rdf_size(rdf)
    guard let data = ldns_rdf_data(rdf) else { return size == 0 ? .root : nil }
    return try? DNSName(wire: UnsafeRawBufferPointer(start: data, count: size))
  }

  private static func uint<T: FixedWidthInteger & UnsignedInteger>(_ bytes: [UInt8]) -> T {
    bytes.reduce(T.zero) { $0 << 8 | T($1) }
  }

  /// ldns's message for a status (it may have none).
  static func errorText(_ status: ldns_status) -> String {
    guard let text = ldns_get_errorstr_by_id(status) else { return "ldns status \(status.rawValue)" }
    return String(cString: text).lowercased()
  }
}
