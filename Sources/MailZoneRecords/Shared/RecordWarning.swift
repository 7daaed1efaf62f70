/// Something a valid record does that works but is deprecated, ignored, risky or outside one spec.
///
/// Warnings never change whether a record parses; they travel with the parsed value so an audit
/// can turn them into findings. `offset` is a UTF-8 byte offset into the parsed text.
public struct RecordWarning: Sendable, Hashable, CustomStringConvertible {
  /// The closed set of warnings. Raw values are stable, kebab-case identifiers.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    /// A tag or modifier this parser does not know; it is kept and ignored.
    case unknownTag = "unknown-tag"
    /// A tag that the selected specification removed or never defined; parsed and reported only.
    case otherSpecificationTag = "other-specification-tag"
    /// A tag whose value is invalid but which the selected specification says to ignore.
    case ignoredInvalidValue = "ignored-invalid-value"
    /// Obsolete syntax that receivers ignore (DMARC `!size`, DKIM `g=`).
    case obsoleteSyntax = "obsolete-syntax"
    /// A recommended tag is missing and its default applies (DMARC `p`).
    case defaultApplied = "default-applied"
    /// RFC 7489 receivers require `p` right after `v`.
    case policyNotSecond = "policy-not-second"
    /// Values that contradict each other (DMARC `fo=0:1`), or a value repeated.
    case conflictingValues = "conflicting-values"
    /// A value outside the registered set (report format, hash algorithm, service, flag).
    case unregisteredValue = "unregistered-value"
    /// A URI scheme receivers are not required to support.
    case unsupportedScheme = "unsupported-scheme"
    /// The SPF `ptr` mechanism: RFC 7208 §5.5 says it SHOULD NOT be used.
    case deprecatedMechanism = "deprecated-mechanism"
    /// This record alone has more DNS-querying terms than RFC 7208 §4.6.4 allows in a whole check.
    case tooManyLookups = "too-many-lookups"
    /// Terms after `all` are never evaluated: RFC 7208 §5.1.
    case unreachableTerm = "unreachable-term"
    /// `redirect` is ignored when the record has an `all` mechanism: RFC 7208 §6.1.
    case ignoredRedirect = "ignored-redirect"
    /// An address with bits set beyond its prefix length.
    case hostBitsSet = "host-bits-set"
    /// A macro-free domain with an empty label or over 253 octets: it can never resolve.
    case unresolvableDomain = "unresolvable-domain"
    /// The record is longer than the size the specification recommends.
    case longRecord = "long-record"
    /// Whitespace outside the grammar that receivers tolerate.
    case trailingWhitespace = "trailing-whitespace"
    /// An RSA key below the size RFC 8301 requires, or a weak hash algorithm.
    case weakKey = "weak-key"
    /// A key or policy in testing mode.
    case testingMode = "testing-mode"
    /// An MTA-STS `max_age` below the recommended weeks.
    case shortLifetime = "short-lifetime"
    /// A key that cannot be used for email (revoked, or services without `email`).
    case unusableKey = "unusable-key"
  }

  /// What the warning is about.
  public var code: Code
  /// UTF-8 byte offset of the term or tag concerned.
  public var offset: Int
  /// A lower-case, human-readable explanation.
  public var message: String

  /// Creates a warning.
  public init(_ code: Code, at offset: Int, _ message: String) {
    self.code = code
    self.offset = offset
    self.message = message
  }

  /// `message (code at offset N)`.
  public var description: String { "\(message) (\(code.rawValue) at offset \(offset))" }
}
