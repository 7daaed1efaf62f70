public import MailZoneDNS
internal import MailZoneRecords

/// The ICANN section of the Public Suffix List, for the RFC 7489 §3.2 organizational domain.
///
/// Rules follow the list's format (publicsuffix.org/list): one rule per line, the first
/// whitespace-delimited token; `//` starts a comment; `*.` is a wildcard for one label; `!` marks an
/// exception to a wildcard. The prevailing rule is an exception if one matches, otherwise the
/// matching rule with the most labels, otherwise the implicit `*`. Only the ICANN section is read
/// (RFC 7489 §3.2 speaks of registries' public suffixes, not of private ones such as hosting
/// providers); a file without section markers is read whole.
///
/// Rules are matched label by label, ASCII case-insensitively. Internationalized rules are kept as
/// UTF-8 and match only U-label text; A-label (`xn--`) names fall back to the rules they match
/// textually and to `*`.
public struct PublicSuffixList: Sendable, Hashable {
  /// Where Debian's `publicsuffix` package installs the list.
  public static let installedPath = "/usr/share/publicsuffix/public_suffix_list.dat"

  /// The list at ``installedPath``, read once per process; `nil` when it is missing or unreadable.
  public static let installed: PublicSuffixList? = try? PublicSuffixList(contentsOfFile: installedPath)

  /// Normal rules (`co.uk`), lower-cased, labels joined by dots.
  private var rules: Set<String> = []
  /// Wildcard rules by what follows `*.` (`*.ck` is stored as `ck`).
  private var wildcards: Set<String> = []
  /// Exception rules without the `!` (`!www.ck` is stored as `www.ck`).
  private var exceptions: Set<String> = []

  /// Number of rules read (normal, wildcard and exception).
  public var count: Int { rules.count + wildcards.count + exceptions.count }

  /// Reads the rules of `text`.
  public init(text: String) {
    // Read as bytes: the list has about 10,000 lines, and this runs at the start of every audit.
    let bytes = Array(text.utf8)
    let begin = Array("===BEGIN ICANN DOMAINS===".utf8)
    let end = Array("===END ICANN DOMAINS===".utf8)
    var section = PublicSuffixList.find(begin, in: bytes[...]) ? Section.before : Section.icann
    var lineStart = 0
    while lineStart < bytes.count {
      var lineEnd = lineStart
      while lineEnd < bytes.count, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
      defer { lineStart = lineEnd + 1 }
      var start = lineStart
      while start < lineEnd, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
      let line = bytes[start..<lineEnd]
      if line.starts(with: [0x2F, 0x2F]) {  // `//`
        if PublicSuffixList.find(begin, in: line) { section = .icann }
        if PublicSuffixList.find(end, in: line) { section = .after }
        continue
      }
      guard section == .icann, !line.isEmpty else { continue }
      let token = line.prefix { $0 != 0x20 && $0 != 0x09 }
      if token.allSatisfy({ $0 < 0x80 }) {
        add(rule: String(decoding: token.lazy.map(ASCII.lowercased), as: UTF8.self))
      } else {
        add(rule: String(decoding: token, as: UTF8.self).lowercased())
      }
    }
  }

  /// Whether `needle` occurs in `haystack`. The standard library's generic `contains(_:)` over
  /// byte collections made reading the list 30 ms slower, paid at the start of every run.
  private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
    guard let first = needle.first, haystack.count >= needle.count else { return false }
    var index = haystack.startIndex
    while index + needle.count <= haystack.endIndex {
      if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
      index += 1
    }
    return false
  }

  /// Reads the list from a file.
  ///
  /// - Throws: `PublicSuffixListError` when the file cannot be read (a misuse the caller reports).
  public init(contentsOfFile path: String) throws(PublicSuffixListError) {
    self.init(text: try PublicSuffixList.read(path))
  }

  private enum Section { case before, icann, after }

  private mutating func add(rule: String) {
    let rule = rule.hasSuffix(".") ? String(rule.dropLast()) : rule
    if rule.hasPrefix("!") {
      exceptions.insert(String(rule.dropFirst()))
    } else if rule.hasPrefix("*.") {
      wildcards.insert(String(rule.dropFirst(2)))
    } else if rule == "*" {
      return  // the implicit default rule
    } else if !rule.isEmpty {
      rules.insert(rule)
    }
  }

  /// The public suffix of `name`: the labels the prevailing rule matches (at least the last label).
  public func publicSuffix(of name: DNSName) -> DNSName {
    name.suffix(suffixLabelCount(of: name))
  }

  /// The RFC 7489 §3.2 organizational domain: the public suffix plus one label, or `nil` when
  /// `name` is itself a public suffix (or the root) and so has none.
  public func organizationalDomain(of name: DNSName) -> DNSName? {
    let count = suffixLabelCount(of: name)
    guard !name.isRoot, name.labels.count > count else { return nil }
    return name.suffix(count + 1)
  }

  /// How many rightmost labels of `name` the prevailing rule covers.
  func suffixLabelCount(of name: DNSName) -> Int {
    let labels = name.labels.map { String(decoding: $0, as: UTF8.self).lowercased() }
    guard !labels.isEmpty else { return 0 }
    var longest = 1  // the implicit `*` rule
    for length in 1...labels.count {
      let suffix = labels.suffix(length).joined(separator: ".")
      // An exception prevails over every other rule; its suffix is the rule minus its first label.
      if exceptions.contains(suffix) { return length - 1 }
      if rules.contains(suffix) { longest = max(longest, length) }
      if length > 1, wildcards.contains(labels.suffix(length - 1).joined(separator: ".")) {
        longest = max(longest, length)
      }
    }
    return longest
  }
}
