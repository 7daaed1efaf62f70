import Foundation

/// Internationalized domain names to A-labels: an IDNA2008-style preparation (RFC 5891 §4) and
/// RFC 3492 Punycode, in pure Swift.
///
/// Preparation is deliberately conservative rather than the full IDNA2008 tables: labels are
/// lower-cased and put in Unicode NFC; a U-label may hold letters, combining marks, decimal digits
/// and the hyphen only (spaces, controls, symbols, punctuation and the joiners ZWJ/ZWNJ are
/// rejected); it may not start with a combining mark or a hyphen, end with a hyphen, or have
/// `--` in its third and fourth positions (RFC 5891 §4.2.3.1). ASCII labels pass through
/// lower-cased; the DNS limits (63 octets a label, 255 a name) are checked after encoding.
public enum IDNA {
  /// `name` with every non-ASCII label as `xn--` + Punycode; ASCII labels lower-cased.
  /// The ideographic full stops U+3002, U+FF0E and U+FF61 separate labels like `.` (UTS #46).
  public static func toASCII(_ name: String) throws(IDNAError) -> String {
    var text = name
    for dot in ["\u{3002}", "\u{FF0E}", "\u{FF61}"] where text.contains(dot) {
      text = text.replacingOccurrences(of: dot, with: ".")
    }
    var labels: [String] = []
    for label in text.split(separator: ".", omittingEmptySubsequences: false) {
      labels.append(try asciiLabel(label))
    }
    return labels.joined(separator: ".")
  }

  /// One label as an A-label (or the lower-cased ASCII label). An empty label stays empty: the
  /// DNS name parser reports it with its own message.
  public static func asciiLabel(_ label: Substring) throws(IDNAError) -> String {
    if label.unicodeScalars.allSatisfy(\.isASCII) { return label.lowercased() }
    let prepared = label.lowercased().precomposedStringWithCanonicalMapping
    let scalars = Array(prepared.unicodeScalars)
    for scalar in scalars where !isAllowed(scalar) {
      throw .disallowed(scalar, label: String(label))
    }
    if let first = scalars.first, first.properties.generalCategory.isMark {
      throw .leadingCombiningMark(label: String(label))
    }
    if scalars.first == "-" || scalars.last == "-" { throw .hyphen(label: String(label)) }
    if scalars.count >= 4, scalars[2] == "-", scalars[3] == "-" { throw .hyphen(label: String(label)) }
    // Each code point costs at least one output character: longer input can never fit.
    guard scalars.count <= 59 else { throw .labelTooLong(label: String(label), octets: scalars.count + 4) }
    let encoded = "xn--" + Punycode.encode(scalars.map(\.value))
    guard encoded.utf8.count <= 63 else { throw .labelTooLong(label: String(label), octets: encoded.utf8.count) }
    return encoded
  }

  private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let byte = UInt8(scalar.value)
      return (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x2D
    }
    switch scalar.properties.generalCategory {
    case .lowercaseLetter, .otherLetter, .modifierLetter, .nonspacingMark, .spacingMark, .decimalNumber:
      return true
    case .uppercaseLetter, .titlecaseLetter:
      // Left over after lower-casing only where no lower-case form exists.
      return true
    default:
      return false
    }
  }
}

extension Unicode.GeneralCategory {
  fileprivate var isMark: Bool { self == .nonspacingMark || self == .spacingMark || self == .enclosingMark }
}

/// Why a name has no A-label form.
public enum IDNAError: Error, Sendable, Equatable, CustomStringConvertible {
  case disallowed(Unicode.Scalar, label: String)
  case leadingCombiningMark(label: String)
  case hyphen(label: String)
  case labelTooLong(label: String, octets: Int)

  public var description: String {
    switch self {
    case .disallowed(let scalar, let label):
      let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
      return "label '\(label)' contains \(code), which IDNA2008 does not allow in a domain name (RFC 5892)"
    case .leadingCombiningMark(let label):
      return "label '\(label)' starts with a combining mark (RFC 5891 §4.2.3.2)"
    case .hyphen(let label):
      return "label '\(label)' starts or ends with '-' or has '--' in positions 3-4 (RFC 5891 §4.2.3.1)"
    case .labelTooLong(let label, let octets):
      return "label '\(label)' is \(octets) octets as an A-label; at most 63 are allowed (RFC 5890 §2.3.2.1)"
    }
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

/// RFC 3492 Punycode (the Bootstring parameters of §5).
public enum Punycode {
  private static let base = 36
  private static let tMin = 1
  private static let tMax = 26
  private static let skew = 38
  private static let damp = 700
  private static let initialBias = 72
  private static let initialN = 128

  /// Encodes code points (RFC 3492 §6.3). Basic code points are copied as they are, case included.
  /// Inputs are label-sized: callers bound the length, so the arithmetic cannot overflow `Int`.
  public static func encode(_ input: [UInt32]) -> String {
    var output = input.filter { $0 < 0x80 }.map { Character(Unicode.Scalar(UInt8($0))) }
    let basicCount = output.count
    var handled = basicCount
    if basicCount > 0 { output.append("-") }
    var n = initialN
    var delta = 0
    var bias = initialBias
    while handled < input.count {
      let next = Int(input.lazy.filter { Int($0) >= n }.min() ?? UInt32(n))
      delta += (next - n) * (handled + 1)
      n = next
      for code in input {
        let value = Int(code)
        if value < n { delta += 1 }
        guard value == n else { continue }
        var q = delta
        var k = base
        while true {
          let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
          if q < t { break }
          output.append(digit(t + (q - t) % (base - t)))
          q = (q - t) / (base - t)
          k += base
        }
        output.append(digit(q))
        bias = adapt(delta, points: handled + 1, first: handled == basicCount)
        delta = 0
        handled += 1
      }
      delta += 1
      n += 1
    }
    return String(output)
  }

  private static func digit(_ value: Int) -> Character {
    Character(Unicode.Scalar(UInt8(value < 26 ? 0x61 + value : 0x30 + value - 26)))
  }

  /// RFC 3492 §6.1.
  private static func adapt(_ delta: Int, points: Int, first: Bool) -> Int {
    var delta = first ? delta / damp : delta / 2
    delta += delta / points
    var k = 0
    while delta > ((base - tMin) * tMax) / 2 {
      delta /= base - tMin
      k += base
    }
    return k + (base - tMin + 1) * delta / (delta + skew)
  }
}
