/// An SPF record (RFC 7208): the version and its terms in order.
///
/// ```
/// record    = version terms *SP
/// version   = "v=spf1"
/// terms     = *( 1*SP ( directive / modifier ) )
/// directive = [ qualifier ] mechanism
/// ```
/// (RFC 7208 §4.5, §12.) Parse the joined TXT value: character-strings are concatenated without
/// spaces (§3.3). Equality compares the terms only, not the source text, offsets or warnings, so
/// `try SPFRecord.parse(record.rendered) == record` for every parsed record.
public struct SPFRecord: Sendable, Hashable, CustomStringConvertible {
  /// The terms in record order, each with its offset in `text`.
  public var terms: [SPFTerm]
  /// The text this record was parsed from (empty for a constructed record).
  public var text: String
  /// Things that are valid but ignored, deprecated or risky, with offsets into `text`.
  public var warnings: [RecordWarning]

  /// Creates a record from terms.
  public init(terms: [SPFTerm], text: String = "", warnings: [RecordWarning] = []) {
    self.terms = terms
    self.text = text
    self.warnings = warnings
  }

  /// Parses an SPF record.
  ///
  /// - Throws: ``RecordParseError``; `code == .notSPF` when the text is not SPF at all (another
  ///   TXT record, `v=spf10`, `spf2.0/pra`), any other code when it is broken SPF (a permerror).
  public static func parse(_ text: String) throws(RecordParseError) -> SPFRecord {
    try SPFParser.parse(Array(text.utf8), text: text)
  }

  /// Parses the raw bytes of a joined TXT value; bytes that are not ASCII are errors.
  public static func parse(bytes: [UInt8]) throws(RecordParseError) -> SPFRecord {
    try SPFParser.parse(bytes, text: String(decoding: bytes, as: UTF8.self))
  }

  /// Whether `text` starts with the SPF version section, so is an SPF record (valid or not).
  ///
  /// RFC 7208 §4.5: records that do not begin with `v=spf1` followed by a space or the end are
  /// discarded; the comparison is case-insensitive (the ABNF string `"v=spf1"`).
  public static func isSPF(_ text: String) -> Bool { SPFParser.hasVersion(Array(text.utf8)[...]) }

  /// Whether the raw bytes start with the SPF version section.
  public static func isSPF(bytes: [UInt8]) -> Bool { SPFParser.hasVersion(bytes[...]) }

  /// The mechanisms with their qualifiers, in order.
  public var directives: [(qualifier: SPFQualifier, mechanism: SPFMechanism)] {
    terms.compactMap { term in
      if case .directive(let qualifier, let mechanism) = term.kind { (qualifier, mechanism) } else { nil }
    }
  }

  /// The `redirect=` target, if any.
  public var redirect: MacroString? {
    terms.lazy.compactMap { if case .modifier(.redirect(let spec)) = $0.kind { spec } else { nil } }.first
  }

  /// The `exp=` domain-spec, if any.
  public var explanation: MacroString? {
    terms.lazy.compactMap { if case .modifier(.explanation(let spec)) = $0.kind { spec } else { nil } }.first
  }

  /// How many terms of this record alone cost a DNS lookup (RFC 7208 §4.6.4): include, a, mx,
  /// ptr, exists and redirect.
  public var lookupTermCount: Int { terms.filter(\.countsTowardLookupLimit).count }

  /// Canonical text: `v=spf1`, then each term once-spaced, default qualifiers omitted.
  public var rendered: String { (["v=spf1"] + terms.map(\.rendered)).joined(separator: " ") }

  public var description: String { rendered }

  public static func == (lhs: SPFRecord, rhs: SPFRecord) -> Bool { lhs.terms == rhs.terms }
  public func hash(into hasher: inout Hasher) { hasher.combine(terms) }
}
