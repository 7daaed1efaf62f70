/// An SPF macro-string, parsed into its parts for the check_host() engine to expand.
///
/// ```
/// macro-string   = *( macro-expand / macro-literal )
/// macro-expand   = ( "%{" macro-letter transformers *delimiter "}" )
///                  / "%%" / "%_" / "%-"
/// macro-literal  = %x21-24 / %x26-7E          ; visible characters except "%"
/// macro-letter   = "s" / "l" / "o" / "d" / "i" / "p" / "h" / "c" / "r" / "t" / "v"
/// transformers   = *DIGIT [ "r" ]
/// delimiter      = "." / "-" / "+" / "," / "/" / "_" / "="
/// explain-string = *( macro-string / SP )
/// ```
/// (RFC 7208 §7.1, §12.)
public struct MacroString: Sendable, Hashable, CustomStringConvertible {
  /// One piece of a macro-string.
  public enum Part: Sendable, Hashable {
    /// Literal text, copied as is (adjacent literals are merged).
    case literal(String)
    /// A `%{...}` macro.
    case macro(Macro)
    /// `%%`: a literal `%`.
    case percent
    /// `%_`: a single space.
    case space
    /// `%-`: the URL-encoded space `%20`.
    case urlSpace
  }

  /// The macro letters of RFC 7208 §7.2. `c`, `r` and `t` are allowed only in explanation text.
  public enum Letter: Character, Sendable, Hashable, CaseIterable {
    /// `s`: the sender (`<sender>`).
    case sender = "s"
    /// `l`: the local-part of the sender.
    case localPart = "l"
    /// `o`: the domain of the sender.
    case senderDomain = "o"
    /// `d`: the current `<domain>`.
    case domain = "d"
    /// `i`: the client IP, dotted (IPv4) or nibble format (IPv6).
    case ip = "i"
    /// `p`: the validated domain name of the client IP (deprecated).
    case validatedDomain = "p"
    /// `v`: `in-addr` for IPv4, `ip6` for IPv6.
    case ipVersion = "v"
    /// `h`: the HELO/EHLO domain.
    case helo = "h"
    /// `c`: the client IP in its readable form (explanation only).
    case readableIP = "c"
    /// `r`: the receiving host (explanation only).
    case receiver = "r"
    /// `t`: the current timestamp (explanation only).
    case timestamp = "t"

    /// Whether the letter is one of `c`, `r`, `t`: RFC 7208 §7.1 allows them only in "exp" text.
    public var isExplanationOnly: Bool { self == .readableIP || self == .receiver || self == .timestamp }
  }

  /// A `%{letter digits r delimiters}` expansion.
  public struct Macro: Sendable, Hashable {
    /// Which value to expand.
    public var letter: Letter
    /// The letter was upper-case: the expansion is URL-escaped afterwards (RFC 7208 §7.3).
    public var urlEscaped: Bool
    /// Keep only this many right-hand parts (never 0; values above 255 are stored as 255,
    /// which behaves the same since a name has at most 127 labels).
    public var rightmostParts: Int?
    /// The `r` transformer: reverse the parts before selecting.
    public var reversed: Bool
    /// The delimiters to split on, in written order; empty means the default `"."`.
    public var delimiters: [Character]

    /// Creates a macro.
    public init(
      letter: Letter, urlEscaped: Bool = false, rightmostParts: Int? = nil, reversed: Bool = false,
      delimiters: [Character] = []
    ) {
      self.letter = letter
      self.urlEscaped = urlEscaped
      self.rightmostParts = rightmostParts
      self.reversed = reversed
      self.delimiters = delimiters
    }

    /// `%{...}` text.
    public var rendered: String {
      let letterText = urlEscaped ? String(letter.rawValue).uppercased() : String(letter.rawValue)
      let digits = rightmostParts.map(String.init) ?? ""
      return "%{" + letterText + digits + (reversed ? "r" : "") + String(delimiters) + "}"
    }
  }

  /// Where a macro-string appears, which decides the characters and letters it may use.
  public enum Context: Sendable, Hashable {
    /// A `domain-spec` (mechanism targets, `redirect=`, `exp=`): no spaces, no `c` `r` `t`.
    case domainSpec
    /// The value of an unknown modifier: no spaces, no `c` `r` `t`.
    case modifierValue
    /// The explanation text fetched for `exp=` (RFC 7208 §6.2): spaces and `c` `r` `t` allowed.
    case explanation
  }

  /// The parts in order.
  public var parts: [Part]

  /// Creates a macro-string from parts, merging adjacent literals.
  public init(parts: [Part]) {
    var merged: [Part] = []
    for part in parts {
      if case .literal(let next) = part, case .literal(let previous)? = merged.last {
        merged[merged.count - 1] = .literal(previous + next)
      } else if part != .literal("") {
        merged.append(part)
      }
    }
    self.parts = merged
  }

  /// Whether no part depends on the message: only literals and `%%`, `%_`, `%-` escapes.
  public var isMacroFree: Bool {
    parts.allSatisfy { if case .macro = $0 { false } else { true } }
  }

  /// The text a macro-free string stands for (escapes resolved), or `nil` when it has macros.
  public var literalValue: String? {
    guard isMacroFree else { return nil }
    return parts.map { part -> String in
      switch part {
      case .literal(let text): text
      case .percent: "%"
      case .space: " "
      case .urlSpace: "%20"
      case .macro: ""
      }
    }.joined()
  }

  /// The macros used, in order.
  public var macros: [Macro] {
    parts.compactMap { if case .macro(let macro) = $0 { macro } else { nil } }
  }

  /// The macro-string as written in a record (canonical: `%{...}` macros rebuilt from parts).
  public var rendered: String {
    parts.map { part -> String in
      switch part {
      case .literal(let text): text
      case .macro(let macro): macro.rendered
      case .percent: "%%"
      case .space: "%_"
      case .urlSpace: "%-"
      }
    }.joined()
  }

  public var description: String { rendered }

  /// Parses `text` as a macro-string in `context`.
  ///
  /// - Throws: ``RecordParseError`` (`invalidMacro`, `macroLetterNotAllowed`,
  ///   `invalidCharacter`) with offsets into `text`.
  public static func parse(_ text: String, context: Context) throws(RecordParseError) -> MacroString {
    let bytes = Array(text.utf8)
    return try MacroStringParser.parse(bytes[...], context: context)
  }
}
