/// A JSON value whose objects keep their key order, so reports read in the order the contract lists.
///
/// Foundation's encoders reorder keys and drop `nil`; the audit contract wants both order and
/// explicit `null`s, so reporters build `JSONValue`s and serialize them here.
public enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// Wraps an optional: `nil` becomes `null`.
  public static func optional<T>(_ value: T?, _ transform: (T) -> JSONValue) -> JSONValue {
    value.map(transform) ?? .null
  }

  /// Compact serialization (one line), as NDJSON needs.
  public func serialized() -> String {
    var out = ""
    // An audit's NDJSON line is a few kilobytes: growing from empty would copy it ten times.
    if case .object = self { out.reserveCapacity(8192) }
    write(to: &out, indent: nil, depth: 0)
    return out
  }

  /// Serialization with two-space indentation.
  public func prettySerialized() -> String {
    var out = ""
    write(to: &out, indent: "  ", depth: 0)
    return out
  }

  private func write(to out: inout String, indent: String?, depth: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .int(let i): out += String(i)
    case .double(let d): out += d.isFinite ? String(d) : "null"
    case .string(let s): JSONValue.writeString(s, to: &out)
    case .array(let items):
      JSONValue.writeContainer(items, open: "[", close: "]", to: &out, indent: indent, depth: depth) { item, out in
        item.write(to: &out, indent: indent, depth: depth + 1)
      }
    case .object(let members):
      JSONValue.writeContainer(members, open: "{", close: "}", to: &out, indent: indent, depth: depth) { member, out in
        JSONValue.writeString(member.0, to: &out)
        out += indent == nil ? ":" : ": "
        member.1.write(to: &out, indent: indent, depth: depth + 1)
      }
    }
  }

  private static func writeContainer<Items: Collection>(
    _ items: Items, open: String, close: String, to out: inout String, indent: String?, depth: Int,
    item writeItem: (Items.Element, inout String) -> Void
  ) {
    out += open
    guard !items.isEmpty else {
      out += close
      return
    }
    var first = true
    for item in items {
      if !first { out += "," }
      first = false
      if let indent {
        out += "\n" + String(repeating: indent, count: depth + 1)
      }
      writeItem(item, &out)
    }
    if let indent {
      out += "\n" + String(repeating: indent, count: depth)
    }
    out += close
  }

  /// `text` as a JSON string literal, quotes included.
  public static func quoted(_ text: String) -> String {
    var out = ""
    writeString(text, to: &out)
    return out
  }

  private static func writeString(_ s: String, to out: inout String) {
    out += "\""
    // Most strings need no escape: copy them whole. The scan runs over the contiguous UTF-8 a
    // native string keeps (a bridged one is copied once).
    var text = s
    let plain = text.withUTF8 { bytes in
      !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
    }
    if plain {
      out += s
      out += "\""
      return
    }
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let c where c.value < 0x20 || c.value == 0x7F:
        let hex = String(c.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
