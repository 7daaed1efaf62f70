import MailZoneAudit
import MailZoneRecords

/// What `mailzone parse` prints: the verdict, errors and warnings with offsets, the record's facts
/// and its canonical form, as JSON or as text with a caret under each offset.
struct ParseReport {
  let kind: RecordKind
  let bytes: [UInt8]
  let dmarcSpec: DMARCSpec
  private(set) var errors: [RecordParseError] = []
  private(set) var warnings: [RecordWarning] = []
  private(set) var facts: [(String, JSONValue)] = []
  private(set) var canonical: String?

  /// Parses `bytes` as `kind` with the library and gathers what the report shows.
  init(kind: RecordKind, bytes: [UInt8], dmarcSpec: DMARCSpec) {
    self.kind = kind
    self.bytes = bytes
    self.dmarcSpec = dmarcSpec
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      switch kind {
      case .spf: accept(try SPFRecord.parse(bytes: bytes), ParseFacts.spf)
      case .dmarc: accept(try DMARCRecord.parse(bytes: bytes, spec: dmarcSpec), ParseFacts.dmarc)
      case .dkim: accept(try DKIMKeyRecord.parse(bytes: bytes), ParseFacts.dkim)
      case .mtaSTS: accept(try MTASTSRecord.parse(text), ParseFacts.mtaSTS)
      case .mtaSTSPolicy: accept(try MTASTSPolicy.parse(text), ParseFacts.mtaSTSPolicy)
      case .tlsrpt: accept(try TLSRPTRecord.parse(text), ParseFacts.tlsrpt)
      case .bimi: accept(try BIMIRecord.parse(text), ParseFacts.bimi)
      }
    } catch {
      errors = [error]
      facts = ParseFacts.names(for: kind).map { ($0, .null) }
    }
  }

  private mutating func accept<Record: ParsedRecord>(_ record: Record, _ describe: (Record) -> [(String, JSONValue)]) {
    warnings = record.warnings
    facts = describe(record)
    canonical = record.rendered
  }

  var isValid: Bool { errors.isEmpty }

  private var title: String { kind == .dmarc ? "dmarc (\(dmarcSpec.title))" : kind.rawValue }

  /// `{"kind", "valid", "errors", "warnings", <facts>, "canonical"}`.
  func json() -> JSONValue {
    func entry(_ code: String, _ offset: Int, _ message: String) -> JSONValue {
      .object([("code", .string(code)), ("offset", .int(offset)), ("message", .string(message))])
    }
    var members: [(String, JSONValue)] = [("kind", .string(kind.rawValue))]
    if kind == .dmarc { members.append(("spec", .string(dmarcSpec.rawValue))) }
    members += [
      ("valid", .bool(isValid)),
      ("errors", .array(errors.map { entry($0.code.rawValue, $0.offset, $0.message) })),
      ("warnings", .array(warnings.map { entry($0.code.rawValue, $0.offset, $0.message) })),
    ]
    members += facts
    members.append(("canonical", .optional(canonical) { .string($0) }))
    return .object(members)
  }

  /// The verdict, each error and warning with the record and a caret under its offset, then the facts.
  func text(style: Style) -> String {
    var out = "\(style.bold(title)): \(isValid ? style.green("valid") : style.red("invalid"))\n"
    for error in errors {
      out += "\(style.red("error")) [\(error.code.rawValue)] at offset \(error.offset): \(error.message)\n"
      out += Caret.lines(bytes, offset: error.offset, style: style)
    }
    for warning in warnings {
      out += "\(style.yellow("warning")) [\(warning.code.rawValue)] at offset \(warning.offset): \(warning.message)\n"
      out += Caret.lines(bytes, offset: warning.offset, style: style)
    }
    if let canonical {
      out += "\(style.cyan("canonical")): \(canonical.replacingCRLF())\n"
      for (name, value) in facts { out += ParseReport.factLines(name, value) }
    }
    return out
  }
}

extension ParseReport {
  /// One fact for people: scalars bare, lists comma-separated, lists of objects one per line.
  static func factLines(_ name: String, _ value: JSONValue) -> String {
    if case .array(let items) = value, items.contains(where: { if case .object = $0 { true } else { false } }) {
      return "  \(name):\n" + items.map { "    - " + plain($0) + "\n" }.joined()
    }
    return "  \(name): \(plain(value))\n"
  }

  private static func plain(_ value: JSONValue) -> String {
    switch value {
    case .null: return "-"
    case .string(let text): return text
    case .array(let items): return items.isEmpty ? "-" : items.map(plain).joined(separator: ", ")
    case .object(let members): return members.map { "\($0.0)=\(plain($0.1))" }.joined(separator: " ")
    default: return value.serialized()
    }
  }
}

/// The parsed record types, seen alike by the report.
protocol ParsedRecord {
  var warnings: [RecordWarning] { get }
  var rendered: String { get }
}

extension SPFRecord: ParsedRecord {}
extension DMARCRecord: ParsedRecord {}
extension DKIMKeyRecord: ParsedRecord {}
extension MTASTSRecord: ParsedRecord {}
extension MTASTSPolicy: ParsedRecord {}
extension TLSRPTRecord: ParsedRecord {}
extension BIMIRecord: ParsedRecord {}

extension String {
  /// Policy files render with CRLF; text output shows each line break as `\n` on one line.
  fileprivate func replacingCRLF() -> String {
    split(separator: "\r\n", omittingEmptySubsequences: true).joined(separator: "\\n")
  }
}

/// Points at a UTF-8 offset: the line holding it (a window of it, for long lines) and a `^` below.
enum Caret {
  static let window = 72

  static func lines(_ bytes: [UInt8], offset: Int, style: Style) -> String {
    let offset = min(max(offset, 0), bytes.count)
    let lineStart = bytes[..<offset].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
    let lineEnd = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
    var before = printable(bytes[lineStart..<offset])
    var after = printable(bytes[offset..<lineEnd])
    var prefix = ""
    var suffix = ""
    if before.count > window / 2 {
      before = String(before.suffix(window / 2))
      prefix = "…"
    }
    if after.count > window / 2 {
      after = String(after.prefix(window / 2))
      suffix = "…"
    }
    let pad = String(repeating: " ", count: prefix.count + before.count)
    return "    \(prefix)\(before)\(after)\(suffix)\n    \(pad)\(style.red("^"))\n"
  }

  /// One display character per scalar: tabs and other controls become visible symbols, so the
  /// caret column equals the character count before the offset.
  private static func printable(_ bytes: ArraySlice<UInt8>) -> String {
    String(
      String(decoding: bytes, as: UTF8.self).unicodeScalars.map { scalar -> Character in
        switch scalar.value {
        case 0x09: "→"
        case 0x0D: "␍"
        case 0..<0x20, 0x7F: "·"
        default: Character(scalar)
        }
      })
  }
}
