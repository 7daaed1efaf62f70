import MailZoneDNS
import MailZoneNet
import MailZoneRecords

extension SPFRun {
  /// Counts a DNS-querying term (§4.6.4); the one past the limit is a permerror.
  func count(term: String, domain: DNSName, depth: Int) throws(SPFAbort) {
    lookups += 1
    guard lookups <= limits.dnsMechanisms else {
      throw SPFAbort(
        code: .permerror,
        reason: "\(term) would be DNS lookup \(lookups); receivers stop at \(limits.dnsMechanisms) (RFC 7208 §4.6.4)",
        term: term, domain: domain)
    }
  }

  /// Counts a lookup that found nothing; the one past the limit is a permerror (§4.6.4).
  func countVoidLookup(domain: DNSName, depth: Int, term: String?, name: DNSName? = nil) throws(SPFAbort) {
    voidLookups += 1
    step(.noMatch, depth: depth, domain: domain, term: term, detail: "void lookup of \(name ?? domain)")
    guard voidLookups <= limits.voidLookups else {
      throw SPFAbort(
        code: .permerror,
        reason:
          "void lookup \(voidLookups) (of \(name ?? domain)); receivers stop after \(limits.voidLookups) (RFC 7208 §4.6.4)",
        term: term, domain: domain)
    }
  }

  func step(
    _ kind: SPFTraceStep.Kind, depth: Int, domain: DNSName, term: String? = nil, detail: String, cost: Int = 0
  ) {
    trace.append(
      SPFTraceStep(
        kind: kind, depth: depth, domain: domain, term: term, detail: detail, cost: cost, lookups: lookups,
        voidLookups: voidLookups))
  }

  /// An expander for `domain`, with %{p} resolved first when `spec` needs it.
  func expander(_ domain: DNSName) async -> SPFMacroExpander {
    SPFMacroExpander(request: request, domain: domain.description, validatedName: await validatedNameForMacro(domain))
  }

  /// §7.3 %{p}: the domain itself if it is a validated name of the client, else a validated
  /// subdomain of it, else any validated name, else "unknown". Looked up once per check.
  private func validatedNameForMacro(_ domain: DNSName) async -> String {
    if validatedName == nil {
      let names = await validatedNames(depth: 0, domain: domain, term: nil, countVoid: false)
      let best = names.first { $0 == domain } ?? names.first { $0.isSubdomain(of: domain) } ?? names.first
      validatedName = .some(best?.description)
    }
    return (validatedName ?? nil) ?? "unknown"
  }

  /// §5.5: the client's PTR names (the first 10) whose A/AAAA records include the client.
  /// A failed PTR lookup gives no names; a name whose address lookup fails is skipped.
  func validatedNames(depth: Int, domain: DNSName, term: String?, countVoid: Bool) async -> [DNSName] {
    let reverse = DNSName.reverse(request.ip)
    let answer = await resolver.ptr(reverse)
    if answer.status.isEmpty || (answer.status == .noError && answer.records.isEmpty), countVoid {
      // A void PTR lookup counts, but the mechanism just fails to match (§5.5).
      voidLookups += 1
      step(.noMatch, depth: depth, domain: domain, term: term, detail: "void lookup of \(reverse)")
    }
    let client = request.ip.unmapped
    var validated: [DNSName] = []
    for name in answer.records.prefix(limits.ptrNames) {
      let addresses = try? await addresses(of: name, domain: domain, depth: depth, term: term, countVoid: false)
      if let addresses, addresses.contains(client) { validated.append(name) }
    }
    return validated
  }

  /// The `exp=` text for a fail (§6.2): one TXT record, expanded as explain-string. Any
  /// failure (DNS, no record, several, bad syntax) means no explanation.
  func explain(_ spec: MacroString, domain: DNSName) async -> String? {
    let expander = await expander(domain)
    guard let name = SPFRun.queryableName(expander.expandDomain(spec)) else { return nil }
    let answer = await resolver.txt(name)
    guard answer.status == .noError, answer.records.count == 1, let record = answer.records.first,
      let text = String(validating: record.joined, as: UTF8.self), text.allSatisfy(\.isASCII),
      let explanation = try? MacroString.parse(text, context: .explanation)
    else { return nil }
    return expander.expand(explanation)
  }

  /// A name `check_host()` may start from (§4.3): valid, and of at least two labels.
  static func checkableDomain(_ text: String) -> DNSName? {
    guard !text.hasPrefix("["), let name = queryableName(text), name.labels.count >= 2 else { return nil }
    return name
  }

  /// The name a mechanism target expands to, if it can go on the wire: no empty label, none
  /// over 63 octets, at most 255 in all.
  static func queryableName(_ text: String) -> DNSName? {
    guard !text.isEmpty, let name = try? DNSName(text), !name.isRoot else { return nil }
    return name
  }
}
