/// Why a record could not be parsed, and where.
///
/// Every parser in this module throws this one type (typed throws), so a caller can switch on
/// ``Code`` without string matching. `offset` is a UTF-8 byte offset into the text the parser was
/// given (for a TXT record: the joined value), pointing at the first offending byte; it equals the
/// input length when something is missing at the end.
public struct RecordParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The closed set of reasons a record is rejected. Raw values are stable, kebab-case identifiers.
  public enum Code: String, Sendable, Hashable, CaseIterable {
    /// The input is empty (or holds only whitespace where a record must start).
    case empty = "empty"
    /// The text is not an SPF record at all (no `v=spf1` version section): RFC 7208 §4.5.
    case notSPF = "not-spf"
    /// The text is not a DMARC record (it does not start with `v=DMARC1`).
    case notDMARC = "not-dmarc"
    /// The text is not an MTA-STS TXT record (it does not start with `v=STSv1`).
    case notMTASTS = "not-mta-sts"
    /// The text is not a TLS-RPT record (it does not start with `v=TLSRPTv1`).
    case notTLSRPT = "not-tlsrpt"
    /// The text is not a BIMI assertion record (it does not start with `v=BIMI1`).
    case notBIMI = "not-bimi"
    /// A version tag is present but its value is not the one the specification requires.
    case badVersion = "bad-version"
    /// A byte that the grammar does not allow here (control character, non-ASCII, stray symbol).
    case invalidCharacter = "invalid-character"
    /// A separator (`;`, space, `=`, `:`) was expected.
    case expectedSeparator = "expected-separator"
    /// An SPF term names no known mechanism.
    case unknownMechanism = "unknown-mechanism"
    /// A mechanism or tag has an argument the grammar does not allow (`all:x`, `include:x/24`).
    case unexpectedArgument = "unexpected-argument"
    /// A required value is missing or empty (`a:`, `rua=`, `redirect=`).
    case emptyValue = "empty-value"
    /// A modifier or tag name breaks the name grammar.
    case invalidName = "invalid-name"
    /// An SPF domain-spec does not end in a top label or a macro: RFC 7208 §7.1.
    case invalidDomainSpec = "invalid-domain-spec"
    /// A domain name breaks the host-name grammar (MTA-STS mx patterns).
    case invalidDomain = "invalid-domain"
    /// A `%` macro is malformed: RFC 7208 §7.1.
    case invalidMacro = "invalid-macro"
    /// A macro letter is used where it is not allowed (`c`, `r`, `t` outside explanation text).
    case macroLetterNotAllowed = "macro-letter-not-allowed"
    /// An IPv4 or IPv6 address is malformed.
    case invalidIPAddress = "invalid-ip-address"
    /// A CIDR prefix length is malformed or out of range.
    case invalidCIDRLength = "invalid-cidr-length"
    /// A modifier or tag occurs more than once.
    case duplicate = "duplicate"
    /// An empty tag between two separators (`;;`).
    case emptyTag = "empty-tag"
    /// A tag has no `=` after its name.
    case missingEquals = "missing-equals"
    /// A tag's value does not match the value grammar for that tag.
    case invalidTagValue = "invalid-tag-value"
    /// A required tag or field is absent.
    case missingRequiredTag = "missing-required-tag"
    /// A tag is not in the position the specification requires (`v` first, `p` second in RFC 7489).
    case tagOutOfOrder = "tag-out-of-order"
    /// A reporting or location URI is not an RFC 3986 URI, or uses a scheme that is not allowed.
    case invalidURI = "invalid-uri"
    /// A `!size` limit after a DMARC URI is malformed or overflows.
    case invalidSizeLimit = "invalid-size-limit"
    /// A number is malformed or outside its allowed range.
    case invalidNumber = "invalid-number"
    /// A base64 value does not decode.
    case invalidBase64 = "invalid-base64"
    /// A DKIM public key does not decode to a key of its declared type.
    case invalidPublicKey = "invalid-public-key"
    /// A DKIM `k=` key type that is not rsa or ed25519.
    case unknownKeyType = "unknown-key-type"
    /// The input is larger than the specification allows.
    case tooLong = "too-long"
    /// Characters remain after the end of what the grammar allows.
    case trailingData = "trailing-data"
  }

  /// Why the record was rejected.
  public var code: Code
  /// UTF-8 byte offset of the offending byte in the parsed text.
  public var offset: Int
  /// A lower-case, human-readable explanation naming the rule broken.
  public var message: String

  /// Creates an error.
  public init(_ code: Code, at offset: Int, _ message: String) {
    self.code = code
    self.offset = offset
    self.message = message
  }

  /// `message (code at offset N)`.
  public var description: String { "\(message) (\(code.rawValue) at offset \(offset))" }
}
