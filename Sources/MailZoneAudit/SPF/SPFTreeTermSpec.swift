import MailZoneDNS
import MailZoneRecords

/// The domain a term asks DNS about, as far as it can be known without a client.
enum SPFTreeTarget: Sendable, Hashable {
  /// A literal domain-spec (or the current domain for a bare `a`, `mx`).
  case name(DNSName)
  /// A domain-spec with macros: the name depends on the message (client IP, sender, HELO).
  case macro(String)
  /// A literal that is no DNS name (empty label, label over 63, over 253 octets): it can only be
  /// NXDOMAIN, so it is a void lookup without a query.
  case invalid(String)

  var name: DNSName? { if case .name(let name) = self { name } else { nil } }
}

/// What one term asks DNS, seen statically.
enum SPFTreeAction: Sendable, Hashable {
  /// `all`, `ip4`, `ip6`, `exp=`, unknown modifiers: no lookup of their own.
  case free
  /// `include:` (a TXT query and a nested record).
  case include(SPFTreeTarget)
  /// `redirect=` evaluated after every mechanism (RFC 7208 §6.1).
  case redirect(SPFTreeTarget)
  /// `redirect=` in a record with an `all` mechanism: ignored and not counted (RFC 7208 §6.1).
  case ignoredRedirect
  /// `a` or `exists`: an A query (IPv4 client assumed, as the benchmark's truth does).
  case address(SPFTreeTarget)
  /// `mx`: an MX query; the names' own address lookups are not counted (RFC 7208 §4.6.4).
  case mailExchangers(SPFTreeTarget)
  /// `ptr`: what it queries depends on the client IP.
  case pointer
  /// A term that does not parse: it costs nothing and makes the record a permerror.
  case syntaxError(String)

  /// Whether the term is one of the lookup terms RFC 7208 §4.6.4 counts.
  var cost: Int {
    switch self {
    case .free, .ignoredRedirect, .syntaxError: 0
    case .include, .redirect, .address, .mailExchangers, .pointer: 1
    }
  }
}

/// One term of a record as the tree walks it.
struct SPFTreeTermSpec: Sendable, Hashable {
  /// The term as written.
  var text: String
  /// UTF-8 offset of the term in the record text.
  var offset: Int
  /// Lower-case mechanism or modifier name; empty for a term that does not parse.
  var name: String
  var action: SPFTreeAction
  /// A mechanism written after `all`: never evaluated (RFC 7208 §5.1), still counted statically.
  var afterAll: Bool
}

/// Turns a selected record into the terms the tree walks, in evaluation order.
enum SPFTreeRecordTerms {
  /// The terms of a found or malformed record: mechanisms and modifiers in written order, the
  /// redirect last (it is evaluated after the mechanisms, RFC 7208 §6.1). A malformed record is
  /// read term by term so the terms that do parse are still counted, as the benchmark does.
  static func terms(of lookup: SPFRecordLookup, domain: DNSName) -> [SPFTreeTermSpec]? {
    let written: [(text: String, offset: Int, term: SPFTerm?, error: String?)]
    switch lookup {
    case .found(let record, _):
      written = record.terms.map { (termText(record.text, at: $0.offset), $0.offset, $0, nil) }
    case .malformed(_, let text):
      written = lenientTerms(text)
    default:
      return nil
    }
    let hasAll = written.contains { $0.term?.mechanism == .all }
    var seenAll = false
    var mechanisms: [SPFTreeTermSpec] = []
    var redirect: SPFTreeTermSpec?
    for item in written {
      guard let term = item.term else {
        let message = item.error ?? "term does not parse"
        mechanisms.append(
          SPFTreeTermSpec(
            text: item.text, offset: item.offset, name: "", action: .syntaxError(message), afterAll: false))
        continue
      }
      var spec = SPFTreeTermSpec(
        text: item.text, offset: item.offset, name: term.mechanism?.name ?? term.modifier?.name.lowercased() ?? "",
        action: action(term, domain: domain, hasAll: hasAll), afterAll: seenAll && term.mechanism != nil)
      if term.mechanism == .all { seenAll = true }
      if case .modifier(.redirect) = term.kind {
        // A malformed record may hold several; like the benchmark, the last one is the one used.
        spec.afterAll = false
        redirect = spec
      } else {
        mechanisms.append(spec)
      }
    }
    return mechanisms + (redirect.map { [$0] } ?? [])
  }

  private static func action(_ term: SPFTerm, domain: DNSName, hasAll: Bool) -> SPFTreeAction {
    switch term.kind {
    case .directive(_, .include(let spec)): .include(target(spec, domain: domain))
    case .directive(_, .a(let spec, _)): .address(target(spec, domain: domain))
    case .directive(_, .exists(let spec)): .address(target(spec, domain: domain))
    case .directive(_, .mx(let spec, _)): .mailExchangers(target(spec, domain: domain))
    case .directive(_, .ptr): .pointer
    case .directive: .free
    case .modifier(.redirect(let spec)): hasAll ? .ignoredRedirect : .redirect(target(spec, domain: domain))
    case .modifier: .free
    }
  }

  /// The name a domain-spec stands for, when it is literal.
  static func target(_ spec: MacroString?, domain: DNSName) -> SPFTreeTarget {
    guard let spec else { return .name(domain) }
    guard let literal = spec.literalValue else { return .macro(spec.rendered) }
    do {
      return .name(try DNSName(literal))
    } catch {
      return .invalid(literal)
    }
  }

  /// The term text starting at `offset`, up to the next space.
  static func termText(_ text: String, at offset: Int) -> String {
    let bytes = text.utf8
    guard offset < bytes.count else { return "" }
    let start = bytes.index(bytes.startIndex, offsetBy: offset)
    let end = bytes[start...].firstIndex(of: 0x20) ?? bytes.endIndex
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// Each space-separated term after the version, parsed on its own.
  private static func lenientTerms(_ text: String) -> [(text: String, offset: Int, term: SPFTerm?, error: String?)] {
    let bytes = Array(text.utf8)
    var out: [(text: String, offset: Int, term: SPFTerm?, error: String?)] = []
    var index = min(6, bytes.count)  // past "v=spf1", which record selection has checked
    while index < bytes.count {
      if bytes[index] == 0x20 {
        index += 1
        continue
      }
      let end = bytes[index...].firstIndex(of: 0x20) ?? bytes.endIndex
      let termText = String(decoding: bytes[index..<end], as: UTF8.self)
      do {
        let record = try SPFRecord.parse(bytes: Array("v=spf1 ".utf8) + bytes[index..<end])
        out.append((termText, index, record.terms.first, nil))
      } catch {
        out.append((termText, index, nil, error.message))
      }
      index = end
    }
    return out
  }
}
