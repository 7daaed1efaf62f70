/// A domain name as a sequence of labels of raw bytes, always absolute.
///
/// Labels keep the bytes they were given (DNS labels may hold any octet); comparison and hashing
/// ignore ASCII case, as RFC 4343 requires. The limits of RFC 1035 §2.3.4 hold for every value:
/// no empty label, labels of at most 63 octets, at most 255 octets on the wire.
public struct DNSName: Sendable, Hashable, CustomStringConvertible, Comparable {
  /// Wire format, uncompressed, ending with the root label: the one stored form, so a name is one
  /// allocation and hashing or comparing it walks one buffer.
  public let wire: [UInt8]
  /// Number of labels; the root has none.
  public let labelCount: Int

  /// The root name `.`.
  public static let root = DNSName(uncheckedWire: [0], labelCount: 0)

  init(uncheckedWire wire: [UInt8], labelCount: Int) {
    self.wire = wire
    self.labelCount = labelCount
  }

  private init(unchecked labels: some Collection<[UInt8]>) {
    var wire: [UInt8] = []
    wire.reserveCapacity(labels.reduce(1) { $0 + $1.count + 1 })
    for label in labels {
      wire.append(UInt8(label.count))
      wire.append(contentsOf: label)
    }
    wire.append(0)
    self.init(uncheckedWire: wire, labelCount: labels.count)
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
    self.init(unchecked: labels)
  }

  /// Parses presentation format: dot-separated labels, `\.` and `\DDD` escapes, optional final dot.
  public init(_ text: String) throws(DNSNameError) {
    var text = text
    // Names without escapes (nearly all) go to wire form in one pass; the general path decides
    // the rest, and every error.
    if let plain = text.withUTF8(DNSName.plainName) {
      self = plain
      return
    }
    try self.init(labels: DNSName.presentationLabels(Array(text.utf8)))
  }

  /// The name `text` spells when it has no escapes, no empty label, labels of at most 63 bytes
  /// and at most 255 octets on the wire; nil otherwise (the root `.` included).
  private static func plainName(_ text: UnsafeBufferPointer<UInt8>) -> DNSName? {
    guard !text.isEmpty else { return nil }
    var wire: [UInt8] = []
    wire.reserveCapacity(text.count + 2)
    var lengthAt = 0
    wire.append(0)
    var length = 0
    var labels = 0
    for byte in text {
      if byte == UInt8(ascii: "\\") { return nil }
      if byte == UInt8(ascii: ".") {
        guard (1...63).contains(length) else { return nil }
        wire[lengthAt] = UInt8(length)
        labels += 1
        lengthAt = wire.count
        wire.append(0)
        length = 0
      } else {
        wire.append(byte)
        length += 1
      }
    }
    if length > 0 {
      guard length <= 63 else { return nil }
      wire[lengthAt] = UInt8(length)
      labels += 1
      wire.append(0)
    }
    guard wire.count <= 255 else { return nil }
    return DNSName(uncheckedWire: wire, labelCount: labels)
  }

  /// The labels, leftmost first; the root has none.
  public var labels: [[UInt8]] {
    var out: [[UInt8]] = []
    out.reserveCapacity(labelCount)
    var index = 0
    while wire[index] != 0 {
      let length = Int(wire[index])
      out.append(Array(wire[(index + 1)...(index + length)]))
      index += length + 1
    }
    return out
  }

  /// Number of octets in wire format.
  public var wireLength: Int { wire.count }

  public var isRoot: Bool { labelCount == 0 }

  /// Offset in `wire` of the label with this index (`labelCount` gives the root octet).
  private func offset(ofLabel label: Int) -> Int {
    var index = 0
    for _ in 0..<label { index += Int(wire[index]) + 1 }
    return index
  }

  /// The name one label up, or nil at the root.
  public var parent: DNSName? {
    labelCount == 0 ? nil : DNSName(uncheckedWire: Array(wire[(Int(wire[0]) + 1)...]), labelCount: labelCount - 1)
  }

  /// Prepends labels (e.g. `_dmarc` to a domain).
  public func prepending(_ label: String) throws(DNSNameError) -> DNSName {
    // `init(_:)` takes plain labels (`_dmarc`, a selector) straight to wire form.
    let added = try DNSName(label)
    let length = added.wire.count - 1 + wire.count
    // RFC 1035 §2.3.4, as `init(labels:)` checks it.
    if length > 255 { throw .nameTooLong(length) }
    return DNSName(uncheckedWire: added.wire.dropLast() + wire, labelCount: added.labelCount + labelCount)
  }

  /// The name made of this name's last `count` labels.
  public func suffix(_ count: Int) -> DNSName {
    let count = max(0, min(count, labelCount))
    if count == labelCount { return self }
    return DNSName(uncheckedWire: Array(wire[offset(ofLabel: labelCount - count)...]), labelCount: count)
  }

  /// True when `self` equals `other` or lies below it.
  public func isSubdomain(of other: DNSName) -> Bool {
    guard labelCount >= other.labelCount else { return false }
    let start = offset(ofLabel: labelCount - other.labelCount)
    guard wire.count - start == other.wire.count else { return false }
    return DNSName.bytesEqual(wire[start...], other.wire[...])
  }

  /// True when this name's leftmost labels are `other`'s labels (`a.b.vendor` starts with `a.b`).
  public func starts(with other: DNSName) -> Bool {
    let prefix = other.wire.count - 1
    return labelCount >= other.labelCount && wire.count > prefix
      && DNSName.bytesEqual(wire[..<prefix], other.wire[..<prefix])
  }

  /// Lower-cased copy (ASCII only; length octets are at most 63 and never change).
  public var lowercased: DNSName { DNSName(uncheckedWire: wire.map(DNSName.lower), labelCount: labelCount) }

  /// Presentation text without the final dot (`example.com`); the root is `.`.
  public var description: String {
    if labelCount == 0 { return "." }
    // Names of letters, digits, `-`, `_` and other printable bytes that need no escape (nearly
    // all) are copied from the wire form in one pass.
    var bytes: [UInt8] = []
    bytes.reserveCapacity(wire.count)
    var index = 0
    while wire[index] != 0 {
      let length = Int(wire[index])
      if index > 0 { bytes.append(UInt8(ascii: ".")) }
      for byte in wire[(index + 1)...(index + length)] {
        guard DNSName.needsNoEscape(byte) else {
          return labels.map(DNSName.escape).joined(separator: ".")
        }
        bytes.append(byte)
      }
      index += length + 1
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func needsNoEscape(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "."), UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: ";"), UInt8(ascii: "("),
      UInt8(ascii: ")"), UInt8(ascii: "@"), UInt8(ascii: "$"):
      return false
    default:
      return (0x21...0x7E).contains(byte)
    }
  }

  /// Presentation text with the final dot (`example.com.`), as zone files and dig write it.
  public var absoluteText: String { labelCount == 0 ? "." : description + "." }

  public static func == (lhs: DNSName, rhs: DNSName) -> Bool {
    lhs.wire.count == rhs.wire.count && bytesEqual(lhs.wire[...], rhs.wire[...])
  }

  /// Hashes the lower-cased wire form (length octets are at most 63, below `A`, so lowering the
  /// whole buffer leaves them alone), eight octets at a time.
  public func hash(into hasher: inout Hasher) {
    wire.withUnsafeBytes { bytes in
      var index = 0
      while index + 8 <= bytes.count {
        hasher.combine(DNSName.lowered(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)))
        index += 8
      }
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while index < bytes.count {
        tail |= UInt64(DNSName.lower(bytes[index])) << shift
        shift += 8
        index += 1
      }
      hasher.combine(tail)
      hasher.combine(bytes.count)
    }
  }

  /// ASCII `A`-`Z` lowered in each of eight octets; octets of 0x80 and above are left alone.
  static func lowered(_ word: UInt64) -> UInt64 {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low7 = word & ~high
    // The high bit of each octet: set when its low seven bits are >= `A`, and when they are > `Z`.
    let atLeastA = low7 &+ 0x3F3F_3F3F_3F3F_3F3F
    let aboveZ = low7 &+ 0x2525_2525_2525_2525
    let upper = atLeastA & ~aboveZ & ~word & high
    return word | (upper >> 2)
  }

  /// Canonical DNS order (RFC 4034 §6.1): compare labels right to left, case-insensitively.
  public static func < (lhs: DNSName, rhs: DNSName) -> Bool {
    for (a, b) in zip(lhs.labels.reversed(), rhs.labels.reversed()) {
      let la = lowercase(a)
      let lb = lowercase(b)
      if la != lb { return la.lexicographicallyPrecedes(lb) }
    }
    return lhs.labelCount < rhs.labelCount
  }

  private static func bytesEqual(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    var i = a.startIndex
    var j = b.startIndex
    while i < a.endIndex {
      if a[i] != b[j] && lower(a[i]) != lower(b[j]) { return false }
      i += 1
      j += 1
    }
    return true
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
    var index = 0
    var count = 0
    while index < bytes.count {
      let length = Int(bytes[index])
      if length == 0 { break }
      guard length <= 63, index + 1 + length <= bytes.count else { throw .malformedWire }
      index += length + 1
      count += 1
    }
    if index + 1 > 255 { throw .nameTooLong(index + 1) }
    var wire = Array(bytes[0..<min(index, bytes.count)])
    wire.append(0)
    self.init(uncheckedWire: wire, labelCount: count)
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
