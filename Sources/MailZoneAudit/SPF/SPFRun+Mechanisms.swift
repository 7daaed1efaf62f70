import MailZoneDNS
import MailZoneNet
import MailZoneRecords

extension SPFRun {
  /// Whether one mechanism matches (RFC 7208 §5); DNS failures and limits abort the evaluation.
  func matches(_ mechanism: SPFMechanism, domain: DNSName, depth: Int, term: String) async throws(SPFAbort) -> Bool {
    let client = request.ip.unmapped
    switch mechanism {
    case .all:
      return true
    case .ip4(let network, let prefix):
      return client.matches(.v4(network), prefix: prefix ?? 32)
    case .ip6(let network, let prefix):
      return client.matches(.v6(network), prefix: prefix ?? 128)
    case .include(let spec):
      try count(term: term, domain: domain, depth: depth)
      return try await include(spec, domain: domain, depth: depth, term: term)
    case .a(let spec, let cidr):
      try count(term: term, domain: domain, depth: depth)
      guard let target = await target(spec, domain: domain, depth: depth, term: term) else { return false }
      let addresses = try await addresses(of: target, domain: domain, depth: depth, term: term, countVoid: true)
      return addresses.contains { client.matches($0, prefix: prefix(cidr)) }
    case .mx(let spec, let cidr):
      try count(term: term, domain: domain, depth: depth)
      guard let target = await target(spec, domain: domain, depth: depth, term: term) else { return false }
      return try await mx(target, cidr: cidr, domain: domain, depth: depth, term: term)
    case .ptr(let spec):
      try count(term: term, domain: domain, depth: depth)
      guard let target = await target(spec, domain: domain, depth: depth, term: term) else { return false }
      let names = await validatedNames(depth: depth, domain: domain, term: term, countVoid: true)
      return names.contains { $0.isSubdomain(of: target) }
    case .exists(let spec):
      try count(term: term, domain: domain, depth: depth)
      guard let target = await target(spec, domain: domain, depth: depth, term: term) else { return false }
      // §5.7: an A query whatever the client's address family.
      let answer = await resolver.a(target)
      return try settle(answer, target: target, domain: domain, depth: depth, term: term, countVoid: true)
        .isEmpty == false
    }
  }

  private func include(_ spec: MacroString, domain: DNSName, depth: Int, term: String) async throws(SPFAbort) -> Bool {
    let targetText = await expander(domain).expandDomain(spec)
    guard let target = SPFRun.queryableName(targetText) else {
      throw SPFAbort(
        code: .permerror, reason: "\(term) expands to '\(targetText)', not a domain name", term: term, domain: domain)
    }
    step(.modifier, depth: depth, domain: domain, term: term, detail: "including \(target)", cost: 1)
    let level = try await checkHost(target, depth: depth + 1, via: term)
    switch level.code {
    case .pass:
      return true
    case .fail, .softfail, .neutral:
      return false
    case .none:
      // §5.2: an included domain without an SPF record is a permerror.
      throw SPFAbort(
        code: .permerror, reason: "\(term): \(target) has no SPF record (RFC 7208 §5.2)", term: term, domain: domain)
    case .temperror, .permerror:
      throw SPFAbort(code: level.code, reason: level.reason, term: term, domain: domain)
    }
  }

  /// `mx`: the MX names (more than 10 is permerror, §4.6.4), then each name's addresses.
  private func mx(
    _ target: DNSName, cidr: SPFDualCIDR, domain: DNSName, depth: Int, term: String
  ) async throws(SPFAbort) -> Bool {
    let answer = await resolver.mx(target)
    let records = try settle(answer, target: target, domain: domain, depth: depth, term: term, countVoid: true)
    guard records.count <= limits.mxNames else {
      throw SPFAbort(
        code: .permerror,
        reason:
          "\(term): \(target) has \(records.count) MX records; at most \(limits.mxNames) may be looked up (RFC 7208 §4.6.4)",
        term: term, domain: domain)
    }
    let client = request.ip.unmapped
    for record in records.sorted(by: { $0.preference < $1.preference }) where !record.exchange.isRoot {
      let addresses = try await addresses(
        of: record.exchange, domain: domain, depth: depth, term: term, countVoid: true)
      if addresses.contains(where: { client.matches($0, prefix: prefix(cidr)) }) { return true }
    }
    return false
  }

  /// A or AAAA records of `name`, by the client's family.
  func addresses(
    of name: DNSName, domain: DNSName, depth: Int, term: String?, countVoid: Bool
  ) async throws(SPFAbort) -> [IPAddress] {
    if request.ip.unmapped.isIPv6 {
      let answer = await resolver.aaaa(name)
      return try settle(answer, target: name, domain: domain, depth: depth, term: term, countVoid: countVoid)
        .map { .v6($0) }
    }
    let answer = await resolver.a(name)
    return try settle(answer, target: name, domain: domain, depth: depth, term: term, countVoid: countVoid)
      .map { .v4($0) }
  }

  /// The records of an answer; DNS errors are temperror (§5), empty answers count as void.
  func settle<T>(
    _ answer: DNSAnswer<T>, target: DNSName, domain: DNSName, depth: Int, term: String?, countVoid: Bool
  ) throws(SPFAbort) -> [T] {
    switch answer.status {
    case .noError where !answer.records.isEmpty:
      return answer.records
    case .noError, .noData, .nxDomain, .cnameLoop:
      // A CNAME loop has no data at its end: a resolver would give SERVFAIL, pyspf an empty answer.
      if countVoid { try countVoidLookup(domain: domain, depth: depth, term: term, name: target) }
      return []
    default:
      throw SPFAbort(
        code: .temperror, reason: "\(answer.type) lookup of \(target) failed: \(answer.status)", term: term,
        domain: domain)
    }
  }

  /// The domain a mechanism names (its domain-spec expanded, or the current domain), or nil
  /// when the expansion is not a name that can be queried: then the mechanism does not match.
  private func target(_ spec: MacroString?, domain: DNSName, depth: Int, term: String) async -> DNSName? {
    guard let spec else { return domain }
    let text = await expander(domain).expandDomain(spec)
    guard let name = SPFRun.queryableName(text) else {
      step(.noMatch, depth: depth, domain: domain, term: term, detail: "'\(text)' is not a domain name: no match")
      return nil
    }
    return name
  }

  private func prefix(_ cidr: SPFDualCIDR) -> Int {
    request.ip.unmapped.isIPv6 ? cidr.ipv6 ?? 128 : cidr.ipv4 ?? 32
  }

  static func code(_ qualifier: SPFQualifier) -> SPFResultCode {
    switch qualifier {
    case .pass: return .pass
    case .fail: return .fail
    case .softfail: return .softfail
    case .neutral: return .neutral
    }
  }
}
