public import MailZoneDNS

/// Answers from one `SuiteZone` in memory the way `spf_suite.py --serve` answers over the wire,
/// i.e. like the recursive resolver that pyspf's `testspf.py` stands in for, so the in-process and
/// live runs of the suite see the same DNS:
///
/// - records of the asked type in suite order; a CNAME is returned and its chain followed inside
///   the data (all CNAMEs, then the final RRset; the RCODE is that of the last name);
/// - NODATA (NOERROR, empty answer, no SOA) for a name that exists without the type, NXDOMAIN
///   otherwise;
/// - a query that hits a TIMEOUT fault, at the name or anywhere along its CNAME chain, fails with
///   `.timeout` at once (no clock involved);
/// - a CNAME loop (or more than `maxCNAMEHops`) is SERVFAIL, or with `.cnames` just the CNAMEs,
///   the two forms `--cname-loop` offers.
///
/// Names that cannot be put on the wire cannot be asked: `DNSName` cannot hold them, so the checker
/// has to settle them itself, as the suite requires. Every question is logged for failure reports.
public actor SuiteZoneResolver: Resolver {
  public enum CNAMELoop: Sendable {
    case servfail, cnames
  }

  /// One question and how it was answered, for the failure report.
  public struct Query: Sendable, Hashable, CustomStringConvertible {
    public var name: DNSName
    public var type: RRType
    public var outcome: String
    public var description: String { "\(type) \(name.absoluteText) \(outcome)" }
  }

  /// Hops `spf_suite.py` follows before it calls a chain a loop.
  public static let maxCNAMEHops = 12

  public let zone: SuiteZone
  public let cnameLoop: CNAMELoop
  public private(set) var queries: [Query] = []

  public init(_ zone: SuiteZone, cnameLoop: CNAMELoop = .servfail) {
    self.zone = zone
    self.cnameLoop = cnameLoop
  }

  public func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    let response = answer(name, type)
    let outcome =
      response.failure != nil
      ? "no answer (TIMEOUT)" : "\(DNSResponse.rcodeName(response.rcode)) \(response.answer.count) answers"
    queries.append(Query(name: name, type: type, outcome: outcome))
    return response
  }

  /// The reply, without logging it.
  public func answer(_ name: DNSName, _ type: RRType) -> DNSResponse {
    var answers: [ResourceRecord] = []
    var owner = name
    var seen: Set<DNSName> = []
    while true {
      if hitsFault(owner, type) { return .failed(.timeout, server: SuiteZoneResolver.server) }
      let node = zone.records[owner] ?? []
      if node.isEmpty {
        return reply(zone.existing.contains(owner) ? DNSResponse.noError : DNSResponse.nxDomain, answers)
      }
      let matching = node.filter { $0.type == type || type == .any }
      if !matching.isEmpty { return reply(DNSResponse.noError, answers + matching) }
      let cnames = node.filter { $0.type == .cname }
      guard let first = cnames.first, case .cname(let target) = first.data else {
        return reply(DNSResponse.noError, answers)  // NODATA
      }
      answers += cnames
      seen.insert(owner)
      owner = target
      if seen.contains(owner) || seen.count > SuiteZoneResolver.maxCNAMEHops {
        return cnameLoop == .servfail ? reply(DNSResponse.servFail, []) : reply(DNSResponse.noError, answers)
      }
    }
  }

  /// The fault rule of `faults.json`: the same name, and the fault's type, or any type without an
  /// RRset of exactly that type there (a CNAME does not count).
  private func hitsFault(_ name: DNSName, _ type: RRType) -> Bool {
    zone.faults.contains { fault in
      guard fault.name == name else { return false }
      guard let faultType = fault.type else {
        return !(zone.records[name] ?? []).contains { $0.type == type }
      }
      return faultType == type
    }
  }

  private static let server = "spf-suite-zone"

  private func reply(_ rcode: UInt16, _ answers: [ResourceRecord]) -> DNSResponse {
    var flags = DNSFlags()
    flags.authoritative = true
    flags.recursionAvailable = true
    return DNSResponse(
      rcode: rcode, flags: flags, answer: answers, transport: .zoneFile, server: SuiteZoneResolver.server)
  }
}
