/// A DMARC policy record, read under RFC 7489 or RFC 9989.
///
/// RFC 7489 §6.4:
/// ```
/// dmarc-record = dmarc-version dmarc-sep [dmarc-request] [dmarc-sep dmarc-srequest] ...
///                [dmarc-sep]     ; components other than dmarc-version and
///                                ; dmarc-request may appear in any order
/// dmarc-version = "v" *WSP "=" *WSP %x44 %x4d %x41 %x52 %x43 %x31
/// dmarc-sep     = *WSP %x3b *WSP
/// dmarc-uri     = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]
/// ```
/// RFC 9989 §4.8:
/// ```
/// dmarc-record  = dmarc-version *(dmarc-sep dmarc-tag) [dmarc-sep]
/// dmarc-tag     = 1*ALPHA equals 1*dmarc-value
/// dmarc-value   = %x20-3A / %x3C-7E        ; any printing characters but semicolon
/// dmarc-version = "v" equals %s"DMARC1"     ; case sensitive
/// equals        = *WSP "=" *WSP
/// ```
/// Tags the selected specification does not define but the other does (`pct`, `rf`, `ri` under
/// RFC 9989; `np`, `psd`, `t` under RFC 7489) are parsed and reported with a warning; an invalid
/// value there is ignored with a warning, as receivers of that specification do. Unknown tags are
/// kept in ``otherTags``.
public struct DMARCRecord: Sendable, Hashable, CustomStringConvertible {
  /// The specification the record was read under.
  public var spec: DMARCSpec
  /// `p=`, as written (`nil` when absent; see ``policy``).
  public var requestedPolicy: DMARCPolicy?
  /// `sp=`, as written.
  public var requestedSubdomainPolicy: DMARCPolicy?
  /// `np=` (RFC 9989), as written.
  public var requestedNonexistentPolicy: DMARCPolicy?
  /// `adkim=`, as written.
  public var requestedDKIMAlignment: DMARCAlignment?
  /// `aspf=`, as written.
  public var requestedSPFAlignment: DMARCAlignment?
  /// `pct=` (RFC 7489), as written.
  public var requestedPercent: Int?
  /// `fo=`, as written.
  public var requestedFailureOptions: [DMARCFailureOption]?
  /// `rf=` (RFC 7489), lower-cased.
  public var requestedReportFormats: [String]?
  /// `ri=` (RFC 7489), as written.
  public var requestedReportInterval: UInt32?
  /// `rua=` URIs.
  public var aggregateReportURIs: [DMARCReportURI]
  /// `ruf=` URIs.
  public var failureReportURIs: [DMARCReportURI]
  /// `t=` (RFC 9989): `true` for `t=y`.
  public var requestedTesting: Bool?
  /// `psd=` (RFC 9989), as written.
  public var requestedPublicSuffix: DMARCPublicSuffix?
  /// Unknown tags, and tags of the other specification whose value was invalid, in order.
  public var otherTags: [RecordTag]
  /// Every tag after `v` as written, with offsets (not compared).
  public var tags: [RecordTag]
  /// The text this record was parsed from (not compared).
  public var text: String
  /// Warnings, with offsets into `text` (not compared).
  public var warnings: [RecordWarning]

  /// Creates a record with only a version (every tag absent) under `spec`.
  public init(spec: DMARCSpec = .rfc9989) {
    self.spec = spec
    aggregateReportURIs = []
    failureReportURIs = []
    otherTags = []
    tags = []
    text = ""
    warnings = []
  }

  /// Parses a DMARC record under `spec` (default RFC 9989).
  ///
  /// - Throws: ``RecordParseError``: `notDMARC` when the text does not start with a `v` tag,
  ///   `badVersion` when `v` is not exactly `DMARC1`, other codes for broken DMARC.
  public static func parse(_ text: String, spec: DMARCSpec = .rfc9989) throws(RecordParseError) -> DMARCRecord {
    var parser = DMARCParser(bytes: Array(text.utf8), text: text, spec: spec)
    return try parser.parse()
  }

  /// Parses the raw bytes of a joined TXT value.
  public static func parse(bytes: [UInt8], spec: DMARCSpec = .rfc9989) throws(RecordParseError) -> DMARCRecord {
    var parser = DMARCParser(bytes: bytes, text: String(decoding: bytes, as: UTF8.self), spec: spec)
    return try parser.parse()
  }

  /// Whether `text` begins like a DMARC record (`v` `=` `DMARC1`, whatever follows).
  public static func isDMARC(_ text: String) -> Bool { DMARCParser.hasVersionPrefix(Array(text.utf8)) }

  /// The policy in force: `p`, or `none` when absent (RFC 7489 §6.6.3, RFC 9989 §4.7).
  public var policy: DMARCPolicy { requestedPolicy ?? .none }
  /// The subdomain policy: `sp`, defaulting to `p`.
  public var subdomainPolicy: DMARCPolicy { requestedSubdomainPolicy ?? policy }
  /// The non-existent subdomain policy: `np`, defaulting to `sp`, then `p` (RFC 9989 §4.7).
  public var nonexistentPolicy: DMARCPolicy { requestedNonexistentPolicy ?? subdomainPolicy }
  /// DKIM alignment, default relaxed.
  public var dkimAlignment: DMARCAlignment { requestedDKIMAlignment ?? .relaxed }
  /// SPF alignment, default relaxed.
  public var spfAlignment: DMARCAlignment { requestedSPFAlignment ?? .relaxed }
  /// Failure reporting options, default `0`.
  public var failureOptions: [DMARCFailureOption] { requestedFailureOptions ?? [.allFail] }
  /// `t=y`: test mode (RFC 9989), default `false`.
  public var testing: Bool { requestedTesting ?? false }
  /// The PSD flag (RFC 9989), default `u`.
  public var publicSuffix: DMARCPublicSuffix { requestedPublicSuffix ?? .unknown }
  /// `pct`: under RFC 7489 default 100; under RFC 9989 only the written value (the tag is gone).
  public var percent: Int? { requestedPercent ?? (spec == .rfc7489 ? 100 : nil) }
  /// `rf`: under RFC 7489 default `afrf`; under RFC 9989 only the written value.
  public var reportFormats: [String]? { requestedReportFormats ?? (spec == .rfc7489 ? ["afrf"] : nil) }
  /// `ri`: under RFC 7489 default 86400; under RFC 9989 only the written value.
  public var reportInterval: UInt32? { requestedReportInterval ?? (spec == .rfc7489 ? 86400 : nil) }

  /// Canonical text: `v=DMARC1`, then `p`, the other known tags in a fixed order, then other tags,
  /// joined by `; `, with lower-case names and values.
  public var rendered: String {
    var parts = ["v=DMARC1"]
    func add(_ name: String, _ value: String?) { if let value { parts.append("\(name)=\(value)") } }
    add("p", requestedPolicy?.rawValue)
    add("sp", requestedSubdomainPolicy?.rawValue)
    add("np", requestedNonexistentPolicy?.rawValue)
    add("adkim", requestedDKIMAlignment?.rawValue)
    add("aspf", requestedSPFAlignment?.rawValue)
    add("pct", requestedPercent.map(String.init))
    add("fo", requestedFailureOptions?.map(\.rawValue).joined(separator: ":"))
    add("rf", requestedReportFormats?.joined(separator: ":"))
    add("ri", requestedReportInterval.map(String.init))
    add("rua", aggregateReportURIs.isEmpty ? nil : aggregateReportURIs.map(\.rendered).joined(separator: ","))
    add("ruf", failureReportURIs.isEmpty ? nil : failureReportURIs.map(\.rendered).joined(separator: ","))
    add("t", requestedTesting.map { $0 ? "y" : "n" })
    add("psd", requestedPublicSuffix?.rawValue)
    for tag in otherTags { add(tag.name, tag.value) }
    return parts.joined(separator: "; ")
  }

  public var description: String { rendered }

  /// Records are equal when read under the same spec with the same canonical rendering, which
  /// holds every tag value; text, offsets and warnings are not compared.
  public static func == (lhs: DMARCRecord, rhs: DMARCRecord) -> Bool {
    lhs.spec == rhs.spec && lhs.rendered == rhs.rendered
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(spec)
    hasher.combine(rendered)
  }
}
