/// Which DMARC specification a record is read under.
public enum DMARCSpec: String, Sendable, Hashable, CaseIterable {
  /// RFC 7489 (2015, Informational): `p` right after `v`, `pct`/`rf`/`ri`, `!size` limits.
  case rfc7489
  /// RFC 9989 (DMARCbis): tags in any order after `v`, `np`/`psd`/`t`; `pct`/`rf`/`ri` removed,
  /// `!size` obsolete.
  case rfc9989

  /// `RFC 7489` or `RFC 9989`, for messages.
  public var title: String { self == .rfc7489 ? "rfc 7489" : "rfc 9989" }
}

/// A Domain Owner Assessment Policy: `dmarc-request = "none" / "quarantine" / "reject"`.
public enum DMARCPolicy: String, Sendable, Hashable, CaseIterable {
  case none, quarantine, reject
}

/// An identifier alignment mode: `dmarc-rors = "r" / "s"`.
public enum DMARCAlignment: String, Sendable, Hashable, CaseIterable {
  /// `r`: the organizational domains match.
  case relaxed = "r"
  /// `s`: the domains are identical.
  case strict = "s"
}

/// A failure reporting option of `fo=`.
public enum DMARCFailureOption: String, Sendable, Hashable, CaseIterable {
  /// `0`: report when all mechanisms fail to produce an aligned pass (the default).
  case allFail = "0"
  /// `1`: report when any mechanism fails to produce an aligned pass.
  case anyFail = "1"
  /// `d`: report DKIM signature failures.
  case dkim = "d"
  /// `s`: report SPF failures.
  case spf = "s"
}

/// The `psd=` flag of RFC 9989: `dmarc-psd = "y" / "n" / "u"`.
public enum DMARCPublicSuffix: String, Sendable, Hashable, CaseIterable {
  /// `y`: the domain is a public suffix domain.
  case yes = "y"
  /// `n`: not a PSD, and the organizational domain for itself and its subdomains.
  case no = "n"
  /// `u`: unknown (the default): use the DNS tree walk.
  case unknown = "u"
}

/// One reporting URI of `rua=` or `ruf=`, with its optional `!size` limit.
///
/// `dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]` (RFC 7489 §6.4); in RFC 9989 the
/// size suffix is `obs-dmarc-report-size`, obsolete syntax reporters ignore.
public struct DMARCReportURI: Sendable, Hashable, CustomStringConvertible {
  /// A size unit: powers of 2^10 (RFC 7489 §6.2).
  public enum Unit: String, Sendable, Hashable, CaseIterable {
    case kilo = "k"
    case mega = "m"
    case giga = "g"
    case tera = "t"

    /// Bytes per unit.
    public var multiplier: UInt64 {
      switch self {
      case .kilo: 1 << 10
      case .mega: 1 << 20
      case .giga: 1 << 30
      case .tera: 1 << 40
      }
    }
  }

  /// The URI as written, without the size suffix.
  public var uri: String
  /// The number before the unit, when a size is given.
  public var sizeValue: UInt64?
  /// The unit, when one is given (bytes otherwise).
  public var sizeUnit: Unit?

  /// Creates a reporting URI.
  public init(uri: String, sizeValue: UInt64? = nil, sizeUnit: Unit? = nil) {
    self.uri = uri
    self.sizeValue = sizeValue
    self.sizeUnit = sizeUnit
  }

  /// The lower-cased scheme (`mailto`, `https`).
  public var scheme: String { URIGrammar.scheme(Array(uri.utf8)[...]) }

  /// The size limit in bytes, or `nil` for no limit (also when the product overflows 64 bits).
  public var maxBytes: UInt64? {
    guard let sizeValue else { return nil }
    let (bytes, overflow) = sizeValue.multipliedReportingOverflow(by: sizeUnit?.multiplier ?? 1)
    return overflow ? nil : bytes
  }

  /// `uri` or `uri!10m`.
  public var rendered: String {
    uri + (sizeValue.map { "!\($0)" + (sizeUnit?.rawValue ?? "") } ?? "")
  }

  public var description: String { rendered }
}
