public import MailZoneDNS
public import MailZoneNet

/// Where a domain's mail goes: MX records, each host's addresses and their reverse DNS.
public struct MXSnapshot: Sendable {
  /// At most this many MX hosts are examined; a domain with more is itself a finding.
  public static let maxHosts = 20

  public var answer: DNSAnswer<MXData>
  public var hosts: [MXHost]
  /// No MX at all: RFC 5321 §5.1 sends mail to the domain's own A/AAAA (the "implicit MX").
  public var implicit: Bool { answer.status.isEmpty || (answer.status == .noError && answer.records.isEmpty) }
  /// RFC 7505 `0 .`: the domain accepts no mail.
  public var nullMX: Bool { answer.records.contains { $0.isNullMX } }
  /// For an implicit MX, the domain's own addresses.
  public var implicitAddresses: [IPAddress]
  var queryFailures: [QueryFailure]

  public var failures: [QueryFailure] { queryFailures }

  static func collect(_ domain: DNSName, context: CollectionContext) async -> MXSnapshot {
    let resolver = context.resolver
    let answer = await resolver.mx(domain)
    var failures = [QueryFailure(answer)].compactMap { $0 }
    // Ordered as receivers try them (RFC 5321 §5.1), ties by name so reports are stable.
    let records = answer.records.filter { !$0.isNullMX }.sorted {
      ($0.preference, $0.exchange.lowercased.description) < ($1.preference, $1.exchange.lowercased.description)
    }
    let hosts = await MXHost.collect(Array(records.prefix(maxHosts)), resolver: resolver)
    failures += hosts.flatMap(\.failures)
    var implicitAddresses: [IPAddress] = []
    if answer.status.isEmpty || (answer.status == .noError && answer.records.isEmpty) {
      if let (v4, v6) = await MXHost.addresses(of: [domain], resolver: resolver).first {
        failures += [QueryFailure(v4), QueryFailure(v6)].compactMap { $0 }
        implicitAddresses = v4.records.map { .v4($0) } + v6.records.map { .v6($0) }
      }
    }
    return MXSnapshot(answer: answer, hosts: hosts, implicitAddresses: implicitAddresses, queryFailures: failures)
  }
}

/// One MX host: its addresses, whether it is an alias, and reverse DNS of each address.
public struct MXHost: Sendable {
  public var preference: UInt16
  public var exchange: DNSName
  public var a: DNSAnswer<IPv4Address>
  public var aaaa: DNSAnswer<IPv6Address>
  /// Reverse DNS of each address (at most 10 addresses are examined).
  public var reverse: [ReverseDNS]

  /// The exchange is written as an IP address (`10 192.0.2.1.`): RFC 7505/5321 want a host name.
  public var isIPLiteral: Bool {
    IPAddress(exchange.description) != nil
  }
  /// RFC 5321 §5.1 / RFC 2181 §10.3: the exchange must not be an alias.
  public var isCNAME: Bool { !a.cnameChain.isEmpty || !aaaa.cnameChain.isEmpty }
  /// The name has at least one address.
  public var addresses: [IPAddress] { a.records.map { .v4($0) } + aaaa.records.map { .v6($0) } }
  /// The name does not exist at all.
  public var isNXDOMAIN: Bool { a.status == .nxDomain }
  /// Where the alias leads (the last CNAME target), when the exchange is one.
  public var cnameTarget: DNSName? { a.cnameChain.last?.target ?? aaaa.cnameChain.last?.target }

  /// AUDIT-JSON `exists`: the name (or its CNAME target) exists; `nil` when no address lookup
  /// got a conclusive answer.
  public var exists: Bool? {
    if a.status.isConclusive { return a.status != .nxDomain }
    if aaaa.status.isConclusive { return aaaa.status != .nxDomain }
    return nil
  }

  /// AUDIT-JSON `ptr_ok`: every examined address has forward-confirmed reverse DNS. A host
  /// without addresses has nothing confirmed (`false`); `nil` when a lookup it needs failed.
  public var ptrOK: Bool? {
    guard !addresses.isEmpty else { return a.status.isConclusive && aaaa.status.isConclusive ? false : nil }
    if reverse.contains(where: { !$0.ptr.status.isConclusive && !$0.isForwardConfirmed }) { return nil }
    return reverse.allSatisfy(\.isForwardConfirmed)
  }

  var failures: [QueryFailure] {
    [QueryFailure(a), QueryFailure(aaaa)].compactMap { $0 } + reverse.compactMap(\.failure)
  }

  /// Every host's addresses and their reverse DNS, one batch per step for all hosts: A and AAAA,
  /// then the PTRs, then the PTR names' forward addresses.
  static func collect(_ records: [MXData], resolver: any Resolver) async -> [MXHost] {
    let forward = await addresses(of: records.map(\.exchange), resolver: resolver)
    let addresses = forward.map { v4, v6 in
      Array((v4.records.map { IPAddress.v4($0) } + v6.records.map { IPAddress.v6($0) }).prefix(10))
    }
    var reverse = await ReverseDNS.collect(addresses.flatMap { $0 }, resolver: resolver)[...]
    var hosts: [MXHost] = []
    for (record, (host, (v4, v6))) in zip(records, zip(addresses, forward)) {
      hosts.append(
        MXHost(
          preference: record.preference, exchange: record.exchange, a: v4, aaaa: v6,
          reverse: Array(reverse.prefix(host.count))))
      reverse = reverse.dropFirst(host.count)
    }
    return hosts
  }

  /// A and AAAA of each name, asked as one batch; in name order.
  static func addresses(
    of names: [DNSName], resolver: any Resolver
  ) async -> [(DNSAnswer<IPv4Address>, DNSAnswer<IPv6Address>)] {
    let answers = await resolver.lookupAll(names.flatMap { [DNSQuestion($0, .a), DNSQuestion($0, .aaaa)] })
    return stride(from: 0, to: answers.count - 1, by: 2).map { index in
      (
        answers[index].map { if case .a(let v) = $0.data { v } else { nil } },
        answers[index + 1].map { if case .aaaa(let v) = $0.data { v } else { nil } }
      )
    }
  }
}

/// Forward-confirmed reverse DNS (FCrDNS) of one address: PTR names, and whether one of them
/// resolves back to the address.
public struct ReverseDNS: Sendable {
  public var address: IPAddress
  public var ptr: DNSAnswer<DNSName>
  /// PTR names whose A/AAAA records include the address.
  public var confirmedNames: [DNSName]

  public var isForwardConfirmed: Bool { !confirmedNames.isEmpty }
  var failure: QueryFailure? { QueryFailure(ptr) }

  /// Reverse DNS of each address, in address order: the PTRs as one batch, then every PTR
  /// name's A or AAAA as another.
  static func collect(_ addresses: [IPAddress], resolver: any Resolver) async -> [ReverseDNS] {
    let names = addresses.map(DNSName.reverse)
    let ptrs = (await resolver.lookupAll(names, .ptr)).map { answer in
      answer.map { if case .ptr(let target) = $0.data { target } else { nil } }
    }
    // At most 10 PTR names of each address are followed forward.
    var questions: [DNSQuestion] = []
    for (address, ptr) in zip(addresses, ptrs) {
      let type: RRType = if case .v4 = address { .a } else { .aaaa }
      questions += ptr.records.prefix(10).map { DNSQuestion($0, type) }
    }
    var forward = (await resolver.lookupAll(questions)).makeIterator()
    return zip(addresses, ptrs).map { address, ptr in
      var confirmed: [DNSName] = []
      for name in ptr.records.prefix(10) {
        let back = forward.next()?.records.compactMap { record -> IPAddress? in
          switch record.data {
          case .a(let v4): .v4(v4)
          case .aaaa(let v6): .v6(v6)
          default: nil
          }
        }
        if back?.contains(address) == true { confirmed.append(name) }
      }
      return ReverseDNS(address: address, ptr: ptr, confirmedNames: confirmed)
    }
  }
}
