public import MailZoneNet

/// The result a matching mechanism yields.
///
/// `qualifier = "+" / "-" / "?" / "~"` (RFC 7208 §4.6.2, §12); `+` is the default.
public enum SPFQualifier: String, Sendable, Hashable, CaseIterable {
  /// `+`: pass.
  case pass = "+"
  /// `-`: fail.
  case fail = "-"
  /// `~`: softfail.
  case softfail = "~"
  /// `?`: neutral.
  case neutral = "?"
}

/// The optional IPv4 and IPv6 prefix lengths of `a` and `mx`.
///
/// `dual-cidr-length = [ ip4-cidr-length ] [ "/" ip6-cidr-length ]` (RFC 7208 §5.6).
public struct SPFDualCIDR: Sendable, Hashable {
  /// The IPv4 prefix length (0–32), when written.
  public var ipv4: Int?
  /// The IPv6 prefix length (0–128), when written.
  public var ipv6: Int?

  /// Creates prefix lengths; `nil` means the default (/32, /128).
  public init(ipv4: Int? = nil, ipv6: Int? = nil) {
    self.ipv4 = ipv4
    self.ipv6 = ipv6
  }

  /// `/24//64`, `//64`, `/24` or the empty string.
  public var rendered: String {
    (ipv4.map { "/\($0)" } ?? "") + (ipv6.map { "//\($0)" } ?? "")
  }
}

/// An SPF mechanism (RFC 7208 §5).
///
/// ```
/// mechanism = ( all / include / a / mx / ptr / ip4 / ip6 / exists )
/// all       = "all"
/// include   = "include" ":" domain-spec
/// a         = "a"   [ ":" domain-spec ] [ dual-cidr-length ]
/// mx        = "mx"  [ ":" domain-spec ] [ dual-cidr-length ]
/// ptr       = "ptr" [ ":" domain-spec ]
/// ip4       = "ip4" ":" ip4-network [ ip4-cidr-length ]
/// ip6       = "ip6" ":" ip6-network [ ip6-cidr-length ]
/// exists    = "exists" ":" domain-spec
/// ```
public enum SPFMechanism: Sendable, Hashable {
  case all
  case include(MacroString)
  case a(MacroString?, SPFDualCIDR)
  case mx(MacroString?, SPFDualCIDR)
  case ptr(MacroString?)
  case ip4(IPv4Address, prefix: Int?)
  case ip6(IPv6Address, prefix: Int?)
  case exists(MacroString)

  /// The mechanism name, lower-case.
  public var name: String {
    switch self {
    case .all: "all"
    case .include: "include"
    case .a: "a"
    case .mx: "mx"
    case .ptr: "ptr"
    case .ip4: "ip4"
    case .ip6: "ip6"
    case .exists: "exists"
    }
  }

  /// Whether evaluating it costs a DNS query counted by RFC 7208 §4.6.4.
  public var countsTowardLookupLimit: Bool {
    switch self {
    case .include, .a, .mx, .ptr, .exists: true
    case .all, .ip4, .ip6: false
    }
  }

  /// The text after the name, without the leading `:` (`example.com/24`, `/24`), or `nil`.
  public var argument: String? {
    let text: String
    switch self {
    case .all: return nil
    case .include(let spec), .exists(let spec): text = spec.rendered
    case .a(let spec, let cidr), .mx(let spec, let cidr): text = (spec?.rendered ?? "") + cidr.rendered
    case .ptr(let spec): text = spec?.rendered ?? ""
    case .ip4(let address, let prefix): text = address.description + (prefix.map { "/\($0)" } ?? "")
    case .ip6(let address, let prefix): text = address.description + (prefix.map { "/\($0)" } ?? "")
    }
    return text.isEmpty ? nil : text
  }

  /// The mechanism as written canonically (`include:_spf.example.com`, `a/24`).
  public var rendered: String {
    switch self {
    case .a(nil, let cidr), .mx(nil, let cidr): return name + cidr.rendered
    case .ptr(nil), .all: return name
    default: return name + ":" + (argument ?? "")
    }
  }
}

/// An SPF modifier (RFC 7208 §6).
///
/// ```
/// modifier         = redirect / explanation / unknown-modifier
/// redirect         = "redirect" "=" domain-spec
/// explanation      = "exp" "=" domain-spec
/// unknown-modifier = name "=" macro-string   ; where name is not any known modifier
/// name             = ALPHA *( ALPHA / DIGIT / "-" / "_" / "." )
/// ```
public enum SPFModifier: Sendable, Hashable {
  case redirect(MacroString)
  case explanation(MacroString)
  /// A modifier this version of SPF does not define: kept, and ignored by evaluation (§6).
  case unknown(name: String, value: MacroString)

  /// The modifier name (`redirect`, `exp`, or the unknown name as written).
  public var name: String {
    switch self {
    case .redirect: "redirect"
    case .explanation: "exp"
    case .unknown(let name, _): name
    }
  }

  /// The value after `=`.
  public var value: MacroString {
    switch self {
    case .redirect(let spec), .explanation(let spec), .unknown(_, let spec): spec
    }
  }

  /// `name=value`.
  public var rendered: String { name + "=" + value.rendered }
}

/// One term of an SPF record, with its UTF-8 offset in the parsed text.
///
/// Equality ignores `offset`: two terms are equal when they mean the same.
public struct SPFTerm: Sendable, Hashable {
  /// A directive or a modifier.
  public enum Kind: Sendable, Hashable {
    /// `[ qualifier ] mechanism`.
    case directive(SPFQualifier, SPFMechanism)
    /// `name=value`.
    case modifier(SPFModifier)
  }

  /// What the term is.
  public var kind: Kind
  /// UTF-8 offset of the term's first byte in the parsed text (0 for constructed terms).
  public var offset: Int

  /// Creates a term.
  public init(_ kind: Kind, offset: Int = 0) {
    self.kind = kind
    self.offset = offset
  }

  /// The mechanism, when the term is a directive.
  public var mechanism: SPFMechanism? { if case .directive(_, let mechanism) = kind { mechanism } else { nil } }
  /// The qualifier, when the term is a directive.
  public var qualifier: SPFQualifier? { if case .directive(let qualifier, _) = kind { qualifier } else { nil } }
  /// The modifier, when the term is one.
  public var modifier: SPFModifier? { if case .modifier(let modifier) = kind { modifier } else { nil } }

  /// Whether the term costs a DNS query counted by RFC 7208 §4.6.4 (`redirect` does; `exp` not).
  public var countsTowardLookupLimit: Bool {
    switch kind {
    case .directive(_, let mechanism): mechanism.countsTowardLookupLimit
    case .modifier(.redirect): true
    case .modifier: false
    }
  }

  /// Canonical text: the default `+` is left out, names are lower-case.
  public var rendered: String {
    switch kind {
    case .directive(let qualifier, let mechanism): (qualifier == .pass ? "" : qualifier.rawValue) + mechanism.rendered
    case .modifier(let modifier): modifier.rendered
    }
  }

  public static func == (lhs: SPFTerm, rhs: SPFTerm) -> Bool { lhs.kind == rhs.kind }
  public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}
