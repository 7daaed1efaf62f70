/// A domain name as a sequence of labels of raw bytes, always absolute.
///
/// Labels keep the bytes they were given (DNS labels may hold any octet); comparison and hashing
/// ignore ASCII case, as RFC 4343 requires. The limits of RFC 1035 §2.3.4 hold for every value:
/// no empty label, labels of at most 63 octets, at most 255 octets on the wire.
public struct DNSName: Sendable, Hashable, CustomStringConvertible, Comparable {
  /// The labels, leftmost first; the root has none.
  public let labels: [[UInt8]]

  /// The root name `.`.
  public static let root = DNSName(unchecked: [])

  private init(unchecked labels: [[UInt8]]) {
    self.labels = labels
  }

  /// Makes a name from labels, checking the RFC 1035 limits.
  public init(labels: [[UInt8]]) throws(DNSNameError) {
    var wireLength = 1
    for label in labels {
      if label.isEmpty { throw .emptyLabel }
      if label.count > 63 { throw .labelTooLong(label.count) }
      wireLength += label.count + 1
    }
    // RFC 1035 §2.3.4: 255 octets or less, counting the length octets and the root.
    if wireLength > 255 { throw .nameTooLong(wireLength) }
    self.labels = labels
  }

  /// Parses presentation format: dot-separated labels, `\.` and `\DDD` escapes, optional final dot.
  public init(_ text: String) throws(DNSNameError) {
    try self.init(labels: DNSName.presentationLabels(Array(text.utf8)))
  }

  /// Number of octets in wire format.
  public var wireLength: Int { labels.reduce(1) { $0 + $1.count + 1 } }

  /// Wire format, uncompressed, ending with the root label.
  public var wire: [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(wireLength)
    for label in labels {
      out.append(UInt8(label.count))
      out.append(contentsOf: label)
    }
    out.append(0)
    return out
  }

  public var isRoot: Bool { labels.isEmpty }

  /// The name one label up, or nil at the root.
  public var parent: DNSName? {
    labels.isEmpty ? nil : DNSName(unchecked: Array(labels.dropFirst()))
  }

  /// Prepends labels (e.g. `_dmarc` to a domain).
  public func prepending(_ label: String) throws(DNSNameError) -> DNSName {
    try DNSName(labels: DNSName.presentationLabels(Array(label.utf8)) + labels)
  }

  /// The name made of this name's last `count` labels.
  public func suffix(_ count: Int) -> DNSName {
    DNSName(unchecked: Array(labels.suffix(count)))
  }

  /// True when `self` equals `other` or lies below it.
  public func isSubdomain(of other: DNSName) -> Bool {
    guard labels.count >= other.labels.count else { return false }
    return zip(labels.suffix(other.labels.count), other.labels).allSatisfy { DNSName.labelEqual($0, $1) }
  }

  /// Lower-cased copy (ASCII only).
  public var lowercased: DNSName { DNSName(unchecked: labels.map(DNSName.lowercase)) }

  /// Presentation text without the final dot (`example.com`); the root is `.`.
  public var description: String {
    labels.isEmpty ? "." : labels.map(DNSName.escape).joined(separator: ".")
  }

  /// Presentation text with the final dot (`example.com.`), as zone files and dig write it.
  public var absoluteText: String { labels.isEmpty ? "." : description + "." }

  public static func == (lhs: DNSName, rhs: DNSName) -> Bool {
    lhs.labels.count == rhs.labels.count && zip(lhs.labels, rhs.labels).allSatisfy { labelEqual($0, $1) }
  }

  public func hash(into hasher: inout Hasher) {
    for label in labels {
      hasher.combine(label.count)
      for byte in label { hasher.combine(DNSName.lower(byte)) }
    }
  }

  /// Canonical DNS order (RFC 4034 §6.1): compare labels right to left, case-insensitively.
  public static func < (lhs: DNSName, rhs: DNSName) -> Bool {
    for (a, b) in zip(lhs.labels.reversed(), rhs.labels.reversed()) {
      let la = lowercase(a)
      let lb = lowercase(b)
      if la != lb { return la.lexicographicallyPrecedes(lb) }
    }
    return lhs.labels.count < rhs.labels.count
  }
}

extension DNSName {
  static func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
  static func lowercase(_ label: [UInt8]) -> [UInt8] { label.map(lower) }

  static func labelEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { lower($0) == lower($1) }
  }

  /// Decodes wire-format labels (no compression pointers) as ldns hands them out for a dname rdf.
  init(wire bytes: UnsafeRawBufferPointer) throws(DNSNameError) {
    var labels: [[UInt8]] = []
    var index = 0
    while index < bytes.count {
      let length = Int(bytes[index])
      index += 1
      if length == 0 { break }
      guard length <= 63, index + length <= bytes.count else { throw .malformedWire }
      labels.append(Array(bytes[index..<(index + length)]))
      index += length
    }
    try self.init(labels: labels)
  }

  /// Splits presentation text into raw labels, resolving escapes.
  static func presentationLabels(_ text: [UInt8]) throws(DNSNameError) -> [[UInt8]] {
    if text.isEmpty { throw .emptyName }
    if text == [UInt8(ascii: ".")] { return [] }
    var labels: [[UInt8]] = []
    var current: [UInt8] = []
    var index = 0
    var lastWasDot = false
    while index < text.count {
      let byte = text[index]
      lastWasDot = false
      if byte == UInt8(ascii: ".") {
        if current.isEmpty { throw .emptyLabel }
        labels.append(current)
        current = []
        lastWasDot = true
        index += 1
      } else if byte == UInt8(ascii: "\\") {
        let (value, used) = try unescape(text, at: index)
        current.append(value)
        index += used
      } else {
        current.append(byte)
        index += 1
      }
    }
    if !current.isEmpty {
      labels.append(current)
    } else if !lastWasDot {
      throw .emptyLabel
    }
    return labels
  }

  /// Reads `\X` or `\DDD` at `index`; returns the byte and the number of input bytes used.
  private static func unescape(_ text: [UInt8], at index: Int) throws(DNSNameError) -> (UInt8, Int) {
    guard index + 1 < text.count else { throw .badEscape }
    let next = text[index + 1]
    guard (48...57).contains(next) else { return (next, 2) }
    guard index + 3 < text.count else { throw .badEscape }
    let digits = text[(index + 1)...(index + 3)]
    guard digits.allSatisfy({ (48...57).contains($0) }) else { throw .badEscape }
    let value = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    guard value <= 255 else { throw .badEscape }
    return (UInt8(value), 4)
  }

  /// Presentation form of one label: `.`, `\`, `"`, `;`, `(`, `)`, `@`, `$` and space are
  /// backslash-escaped, other non-printable bytes become `\DDD`.
  static func escape(_ label: [UInt8]) -> String {
    var out = ""
    for byte in label {
      switch byte {
      case UInt8(ascii: "."), UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: ";"),
        UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "@"), UInt8(ascii: "$"), UInt8(ascii: " "):
        out += "\\" + String(UnicodeScalar(byte))
      case 0x21...0x7E:
        out.unicodeScalars.append(UnicodeScalar(byte))
      default:
        let digits = String(byte)
        out += "\\" + String(repeating: "0", count: 3 - digits.count) + digits
      }
    }
    return out
  }
}

/// Why text or bytes are not a valid domain name.
public enum DNSNameError: Error, Sendable, Equatable, CustomStringConvertible {
  case emptyName
  case emptyLabel
  case labelTooLong(Int)
  case nameTooLong(Int)
  case badEscape
  case malformedWire

  public var description: String {
    switch self {
    case .emptyName: return "empty name"
    case .emptyLabel: return "empty label (two dots in a row, or a leading dot)"
    case .labelTooLong(let n): return "label of \(n) octets; at most 63 are allowed (RFC 1035 §2.3.4)"
    case .nameTooLong(let n): return "name of \(n) octets; at most 255 are allowed (RFC 1035 §2.3.4)"
    case .badEscape: return "bad escape: use \\X or \\DDD with DDD at most 255"
    case .malformedWire: return "malformed wire-format name"
    }
  }
}
