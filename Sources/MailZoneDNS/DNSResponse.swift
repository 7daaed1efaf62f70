/// One exchange's outcome as a server (or zone file) gave it: header bits, sections, or a failure.
public struct DNSResponse: Sendable, Hashable {
  /// How the reply travelled.
  public enum Transport: String, Sendable, Hashable {
    case udp, tcp
    case zoneFile = "zone-file"
    case none
  }

  /// Why no reply was obtained.
  public enum Failure: Error, Sendable, Hashable {
    case timeout
    case error(String)
    /// A zone-file resolver has no zone for the name.
    case outsideZones
  }

  public var rcode: UInt16
  public var flags: DNSFlags
  public var answer: [ResourceRecord]
  public var authority: [ResourceRecord]
  /// Set when no usable reply arrived; the other fields are then empty.
  public var failure: Failure?
  public var transport: Transport
  /// The server that answered (`127.0.0.1:53`, `[::1]:53`, or the zone file).
  public var server: String?

  public init(
    rcode: UInt16 = 0, flags: DNSFlags = DNSFlags(), answer: [ResourceRecord] = [],
    authority: [ResourceRecord] = [], failure: Failure? = nil, transport: Transport, server: String? = nil
  ) {
    self.rcode = rcode
    self.flags = flags
    self.answer = answer
    self.authority = authority
    self.failure = failure
    self.transport = transport
    self.server = server
  }

  /// A response standing for a failed exchange.
  public static func failed(_ failure: Failure, server: String? = nil) -> DNSResponse {
    DNSResponse(failure: failure, transport: .none, server: server)
  }

  public static let noError: UInt16 = 0
  public static let formErr: UInt16 = 1
  public static let servFail: UInt16 = 2
  public static let nxDomain: UInt16 = 3
  public static let notImp: UInt16 = 4
  public static let refused: UInt16 = 5

  /// RFC 6895 mnemonic of an RCODE.
  public static func rcodeName(_ code: UInt16) -> String {
    let names = [
      "NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET",
      "NXRRSET", "NOTAUTH", "NOTZONE",
    ]
    return Int(code) < names.count ? names[Int(code)] : "RCODE\(code)"
  }
}

/// The header flags mailzone reads.
public struct DNSFlags: Sendable, Hashable {
  public var authoritative = false
  public var truncated = false
  public var recursionDesired = false
  public var recursionAvailable = false
  public var authenticData = false
  public var checkingDisabled = false
  public init() {}

  /// dig-style flag list (`qr aa rd ra ad`).
  public var names: [String] {
    var out = ["qr"]
    if authoritative { out.append("aa") }
    if truncated { out.append("tc") }
    if recursionDesired { out.append("rd") }
    if recursionAvailable { out.append("ra") }
    if authenticData { out.append("ad") }
    if checkingDisabled { out.append("cd") }
    return out
  }
}
