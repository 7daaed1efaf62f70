import MailZoneDNS
import MailZoneRecords

/// The host names that reveal a domain's mail providers: its MX exchanges and its SPF include
/// and redirect targets, following macro-free redirects (the target holds the includes).
enum DKIMProviderHints {
  /// Redirect hops followed; RFC 7208 §4.6.4 would stop a longer chain at 10 lookups anyway.
  static let maxRedirects = 3

  /// Each host as lower-cased labels, in the order seen.
  static func hosts(spf: SPFSnapshot, mx: MXSnapshot, resolver: any Resolver) async -> [[String]] {
    var names = mx.answer.records.filter { !$0.isNullMX }.map(\.exchange)
    var record: SPFRecord?
    switch spf.lookup {
    case .found(let found, _): record = found
    // A broken SPF setup still names its providers.
    case .multiple(let texts): names += texts.flatMap(includeTargets)
    case .malformed(_, let text): names += includeTargets(text)
    case .none, .dnsError: break
    }
    var hops = 0
    while let current = record {
      record = nil
      for directive in current.directives {
        if case .include(let spec) = directive.mechanism, let name = literalName(spec) { names.append(name) }
      }
      guard hops < maxRedirects, let spec = current.redirect, let target = literalName(spec) else { break }
      names.append(target)
      hops += 1
      // Through the run's cache: the SPF lookup tree asks the same question.
      if case .found(let next, _) = await SPFRecordSource.lookup(target, resolver: resolver) { record = next }
    }
    return names.map { name in name.lowercased.labels.map { String(decoding: $0, as: UTF8.self) } }
  }

  /// `include:` targets read token by token, for records the parser rejects or that select no
  /// record (RFC 7208 §4.5: several records are a permerror, but each still names providers).
  static func includeTargets(_ text: String) -> [DNSName] {
    text.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { token in
      let term = token.drop { "+-~?".contains($0) }
      guard term.lowercased().hasPrefix("include:") else { return nil }
      let target = term.dropFirst("include:".count)
      return target.contains("%") ? nil : try? DNSName(String(target))
    }
  }

  private static func literalName(_ spec: MacroString) -> DNSName? {
    guard let text = spec.literalValue else { return nil }
    return try? DNSName(text)
  }
}
