/// How a lookup ended. NODATA (the name exists, the type does not) and NXDOMAIN (the name does
/// not exist) are kept apart because RFC 7208 §4.6.4 void lookups and RFC 8020 need both.
public enum DNSStatus: Sendable, Hashable, CustomStringConvertible {
  case noError
  case noData
  case nxDomain
  case servFail
  case refused
  /// A referral: the name is delegated to servers this resolver does not have (zone files only).
  case referral
  /// The name is in none of the loaded zone files (zone files only; an offline audit cannot know
  /// it, which is not a DNS failure).
  case outsideZones
  /// No reply within the timeout from any nameserver, after every retry.
  case timeout
  /// A CNAME chain that comes back to a name already seen, or runs past 16 links.
  case cnameLoop
  /// Any other RCODE (FORMERR, NOTIMP, ...).
  case otherRcode(UInt16)
  /// The exchange failed: unreachable server, malformed reply, unencodable name.
  case error(String)

  /// True when the data is known: an answer, NODATA or NXDOMAIN.
  public var isConclusive: Bool {
    switch self {
    case .noError, .noData, .nxDomain: return true
    default: return false
    }
  }

  /// NODATA or NXDOMAIN: the query was answered and there is nothing there.
  public var isEmpty: Bool { self == .noData || self == .nxDomain }

  public var description: String {
    switch self {
    case .noError: return "NOERROR"
    case .noData: return "NODATA"
    case .nxDomain: return "NXDOMAIN"
    case .servFail: return "SERVFAIL"
    case .refused: return "REFUSED"
    case .referral: return "REFERRAL"
    case .outsideZones: return "OUTSIDE-ZONES"
    case .timeout: return "TIMEOUT"
    case .cnameLoop: return "CNAME-LOOP"
    case .otherRcode(let code): return DNSResponse.rcodeName(code)
    case .error(let message): return "ERROR (\(message))"
    }
  }
}

/// The result of a typed lookup: status, records of the asked type, and how it was reached.
public struct DNSAnswer<Record: Sendable & Hashable>: Sendable, Hashable {
  /// The name asked for.
  public var name: DNSName
  public var type: RRType
  public var status: DNSStatus
  /// Records of the asked type, at the end of any CNAME chain.
  public var records: [Record]
  /// Each CNAME followed, in order: `name → first target → ...`. Empty when there was none.
  public var cnameChain: [CNAMELink]
  /// The AD (authentic data) bit of the reply that gave the final answer.
  public var authenticated: Bool
  /// Time to live of the answer's records (the smallest), when there are records.
  public var ttl: UInt32?
  /// Who gave the final reply, and how (for diagnosis).
  public var server: String?
  public var transport: DNSResponse.Transport = .none

  public init(
    name: DNSName, type: RRType, status: DNSStatus, records: [Record], cnameChain: [CNAMELink] = [],
    authenticated: Bool = false, ttl: UInt32? = nil
  ) {
    self.name = name
    self.type = type
    self.status = status
    self.records = records
    self.cnameChain = cnameChain
    self.authenticated = authenticated
    self.ttl = ttl
  }

  /// The name the records belong to: the last CNAME target, or the name asked for.
  public var canonicalName: DNSName { cnameChain.last?.target ?? name }

  /// Maps the records, keeping everything else.
  public func map<T: Sendable & Hashable>(_ transform: (Record) -> T?) -> DNSAnswer<T> {
    var mapped = DNSAnswer<T>(
      name: name, type: type, status: status, records: records.compactMap(transform),
      cnameChain: cnameChain, authenticated: authenticated, ttl: ttl)
    mapped.server = server
    mapped.transport = transport
    return mapped
  }
}

/// One CNAME step of a chain.
public struct CNAMELink: Sendable, Hashable {
  public var owner: DNSName
  public var target: DNSName
  public var ttl: UInt32
  public init(owner: DNSName, target: DNSName, ttl: UInt32) {
    self.owner = owner
    self.target = target
    self.ttl = ttl
  }
}
