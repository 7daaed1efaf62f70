/// Inline suppressions in a zone file's comments.
///
/// `; mailzone-disable ID[,ID...]` at the end of a record's line, or alone on the line above it,
/// suppresses those checks' findings located at that line; `; mailzone-disable-file ID[,ID...]`
/// anywhere suppresses them in the whole file.
public struct Suppressions: Sendable {
  /// Check ids disabled at each line (1-based).
  public private(set) var byLine: [Int: Set<String>] = [:]
  /// Check ids disabled for the whole file.
  public private(set) var file: Set<String> = []

  public init(lines: [String]) {
    for (index, line) in lines.enumerated() {
      guard let (comment, code) = Suppressions.comment(in: line) else { continue }
      let words = comment.split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard let directive = words.first else { continue }
      let ids = words.dropFirst().flatMap { $0.split(separator: ",") }.map(String.init)
      switch directive {
      case "mailzone-disable-file":
        file.formUnion(ids)
      case "mailzone-disable":
        // A comment after a record covers that record; a comment-only line covers the next line.
        byLine[code ? index + 1 : index + 2, default: []].formUnion(ids)
      default:
        continue
      }
    }
  }

  /// True when a finding of `checkID` at `line` is suppressed.
  public func suppresses(_ checkID: String, line: Int?) -> Bool {
    file.contains(checkID) || line.map { byLine[$0]?.contains(checkID) ?? false } ?? false
  }

  /// The comment's text after `;` (quotes respected) and whether code precedes it on the line.
  static func comment(in line: String) -> (String, Bool)? {
    var quoted = false
    var escaped = false
    var code = false
    for (offset, character) in line.enumerated() {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case ";" where !quoted:
        let text = String(line.dropFirst(offset + 1))
        return (trimmed(text), code)
      default: break
      }
      if character != " " && character != "\t" { code = true }
    }
    return nil
  }
}
