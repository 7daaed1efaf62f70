public import MailZoneRecords

/// What one top-level term of a record means once its DNS is resolved.
///
/// A term either resolves to a fixed set of addresses (ip4/ip6, all, `a`/`mx` at their owner,
/// an include whose whole tree is static, a redirect target inlined) or has to stay a live term
/// (`exists`, `ptr`, macros, an include whose tree holds one of those, a broken include).
public struct SPFSegment: Sendable, Hashable {
  /// The term as the original record writes it (for an inlined redirect, the target's term).
  public var term: SPFTerm
  /// The result the segment yields when it matches.
  public var qualifier: SPFQualifier
  /// The addresses it matches, or nil when only a live evaluation can say.
  public var addresses: CIDRSet?
  /// DNS lookups it costs when left live (RFC 7208 §4.6.4, nested terms included).
  public var cost: Int
  /// Why it resolved as it did: `include:_spf.example.com: 12 networks`, `ptr is always live`.
  public var note: String
  /// Whether the term may be published live instead of flattened (an include of the record itself).
  public var canStayLive: Bool

  public init(
    term: SPFTerm, qualifier: SPFQualifier, addresses: CIDRSet?, cost: Int, note: String, canStayLive: Bool
  ) {
    self.term = term
    self.qualifier = qualifier
    self.addresses = addresses
    self.cost = cost
    self.note = note
    self.canStayLive = canStayLive
  }

  /// Whether the term must stay live whatever the budget.
  public var isForcedLive: Bool { addresses == nil }

  /// Whether the term means something else in another record: `ptr` without a domain, or a
  /// macro naming the current domain (`%{d}`, and `%{p}`, validated against it). Such a term
  /// cannot move out of a redirect target into the record that redirects.
  public var isDomainRelative: Bool {
    let specs: [MacroString?]
    switch term.kind {
    case .directive(_, .ptr(nil)): return true
    case .directive(_, .ptr(let spec)), .directive(_, .a(let spec, _)), .directive(_, .mx(let spec, _)): specs = [spec]
    case .directive(_, .include(let spec)), .directive(_, .exists(let spec)): specs = [spec]
    case .modifier(let modifier): specs = [modifier.value]
    default: return false
    }
    return specs.compactMap { $0 }.contains { spec in
      spec.macros.contains { $0.letter == .domain || $0.letter == .validatedDomain }
    }
  }

  /// The include target, for an include term.
  public var includeTarget: String? {
    if case .include(let spec) = term.mechanism { spec.rendered } else { nil }
  }

  /// RFC 7208 §5.2: an include matches only where the included record's result is `pass`; fail,
  /// softfail and neutral there are "no match" here. Walks `segments` in order, as check_host
  /// does, so an address decided by an earlier non-pass term is not counted as a pass later.
  public static func passSet(_ segments: [SPFSegment]) -> CIDRSet? {
    var decided = CIDRSet()
    var pass = CIDRSet()
    for segment in segments {
      guard let addresses = segment.addresses else { return nil }
      if segment.qualifier == .pass { pass = pass.union(addresses.subtracting(decided)) }
      decided = decided.union(addresses)
    }
    return pass
  }
}

/// A failure that stops flattening: the DNS could not be read, so nothing can be proven.
public struct SPFFlattenError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Code: String, Sendable, Hashable {
    /// A query failed (timeout, SERVFAIL, ...): exit 2.
    case dnsFailure = "dns-failure"
    /// The domain has no SPF record, several, or a broken one: there is nothing to flatten.
    case noRecord = "no-record"
  }

  public var code: Code
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
