public import MailZoneDNS
import MailZoneNet
import MailZoneRecords

/// RFC 7208 `check_host()`: the result a receiver computes for a client IP, sender and HELO.
///
/// Every DNS query goes through `resolver` (a `CachingResolver` makes repeated checks cheap).
/// The limits of §4.6.4 are enforced as the evaluation goes: the 11th DNS-querying term, the
/// 3rd void lookup, or an `mx` with more than 10 names ends it with permerror.
public struct SPFEvaluator: Sendable {
  public let resolver: any Resolver
  public let limits: SPFLimits

  public init(resolver: any Resolver, limits: SPFLimits = .rfc7208) {
    self.resolver = resolver
    self.limits = limits
  }

  public func checkHost(_ request: SPFCheckRequest) async -> SPFResult {
    let run = SPFRun(resolver: resolver, limits: limits, request: request)
    return await run.evaluate()
  }
}

/// Why an evaluation stopped early: permerror or temperror, from any depth.
struct SPFAbort: Error {
  var code: SPFResultCode
  var reason: String
  var term: String?
  var domain: DNSName
}

/// What one level of `check_host()` (the domain asked about, an include, a redirect) decided.
struct SPFLevelResult {
  var code: SPFResultCode
  var reason: String
  var term: String?
  var domain: DNSName
  /// The `exp=` of the record that decided, with the domain it is expanded for (§6.2).
  var explanation: (MacroString, DNSName)?
}

/// The mutable state of one `check_host()` call: counters, trace, the %{p} cache.
final class SPFRun {
  let resolver: any Resolver
  let limits: SPFLimits
  let request: SPFCheckRequest
  var lookups = 0
  var voidLookups = 0
  var trace: [SPFTraceStep] = []
  var validatedName: String??

  init(resolver: any Resolver, limits: SPFLimits, request: SPFCheckRequest) {
    self.resolver = resolver
    self.limits = limits
    self.request = request
  }

  func evaluate() async -> SPFResult {
    let domainText = request.domain ?? request.effectiveSender.domain
    // §4.3: a malformed or single-label domain gives "none" before any query.
    guard let domain = SPFRun.checkableDomain(domainText) else {
      return SPFResult(code: .none, reason: "'\(domainText)' is not a valid multi-label domain name (RFC 7208 §4.3)")
    }
    do {
      let level = try await checkHost(domain, depth: 0, via: nil)
      var explanation: String?
      if level.code == .fail, let (spec, expDomain) = level.explanation {
        explanation = await explain(spec, domain: expDomain)
      }
      return result(level.code, level.reason, term: level.term, domain: level.domain, explanation: explanation)
    } catch {
      step(.error, depth: 0, domain: error.domain, term: error.term, detail: error.reason)
      return result(error.code, error.reason, term: error.term, domain: error.domain, explanation: nil)
    }
  }

  private func result(
    _ code: SPFResultCode, _ reason: String, term: String?, domain: DNSName, explanation: String?
  ) -> SPFResult {
    SPFResult(
      code: code, reason: reason, explanation: explanation, decidingTerm: term, decidingDomain: domain,
      lookups: lookups, voidLookups: voidLookups, trace: trace)
  }

  /// One level: record lookup (§4.4-4.6), the mechanisms in order (§4.6.2), then redirect (§6.1).
  func checkHost(_ domain: DNSName, depth: Int, via term: String?) async throws(SPFAbort) -> SPFLevelResult {
    let record = try await fetchRecord(domain, depth: depth, countVoid: term != nil, term: term)
    guard let record else {
      return SPFLevelResult(code: .none, reason: "no SPF record at \(domain)", term: nil, domain: domain)
    }
    let hasAll = record.directives.contains { if case .all = $0.mechanism { true } else { false } }
    for term in record.terms {
      guard case .directive(let qualifier, let mechanism) = term.kind else { continue }
      let text = term.rendered
      if try await matches(mechanism, domain: domain, depth: depth, term: text) {
        let code = SPFRun.code(qualifier)
        step(.match, depth: depth, domain: domain, term: text, detail: "matched: \(code.rawValue)")
        return SPFLevelResult(
          code: code, reason: "\(text) matched at \(domain)", term: text, domain: domain,
          explanation: record.explanation.map { ($0, domain) })
      }
    }
    // §6.1: redirect is ignored when the record has an "all" mechanism anywhere.
    if let redirect = record.redirect, !hasAll {
      return try await follow(redirect: redirect, from: domain, depth: depth)
    }
    step(.result, depth: depth, domain: domain, detail: "no term matched: neutral (RFC 7208 §4.7)")
    return SPFLevelResult(
      code: .neutral, reason: "no term matched at \(domain) and there is no redirect", term: nil, domain: domain)
  }

  private func follow(redirect: MacroString, from domain: DNSName, depth: Int) async throws(SPFAbort) -> SPFLevelResult
  {
    let text = "redirect=" + redirect.rendered
    try count(term: text, domain: domain, depth: depth)
    let targetText = await expander(domain).expandDomain(redirect)
    guard let target = SPFRun.queryableName(targetText) else {
      throw SPFAbort(
        code: .permerror, reason: "\(text) expands to '\(targetText)', not a domain name", term: text, domain: domain)
    }
    step(.modifier, depth: depth, domain: domain, term: text, detail: "following redirect to \(target)", cost: 1)
    let level = try await checkHost(target, depth: depth + 1, via: text)
    if level.code == .none {
      // §6.1: a redirect target without an SPF record is a permerror.
      throw SPFAbort(code: .permerror, reason: "\(text): \(target) has no SPF record", term: text, domain: domain)
    }
    return level
  }

  /// Record selection; nil for "none". Include and redirect targets count a void lookup when
  /// the TXT query has no records.
  private func fetchRecord(
    _ domain: DNSName, depth: Int, countVoid: Bool, term: String?
  ) async throws(SPFAbort) -> SPFRecord? {
    switch await SPFRecordSource.lookup(domain, resolver: resolver) {
    case .found(let record, let txt):
      step(.record, depth: depth, domain: domain, detail: "v=spf1 record: \(txt.text)")
      return record
    case .none(let void, let status):
      step(.record, depth: depth, domain: domain, detail: "no SPF record (\(status))")
      if void && countVoid { try countVoidLookup(domain: domain, depth: depth, term: term) }
      return nil
    case .multiple(let texts):
      throw SPFAbort(
        code: .permerror, reason: "\(texts.count) SPF records at \(domain); there must be one (RFC 7208 §4.5)",
        term: term, domain: domain)
    case .malformed(let error, let text):
      throw SPFAbort(
        code: .permerror, reason: "the SPF record at \(domain) is malformed: \(error.message) in '\(text)'",
        term: term, domain: domain)
    case .dnsError(let status):
      throw SPFAbort(
        code: .temperror, reason: "TXT lookup of \(domain) failed: \(status) (RFC 7208 §4.4)", term: term,
        domain: domain)
    }
  }
}
