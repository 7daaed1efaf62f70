/// A zone file read leniently, for reports that list every fault rather than stop at the first:
/// its text, every rule it breaks, and the zone that remains once the faulty records are left out.
///
/// Each fault's record (every line of it) is blanked and the rest parsed again, so one broken
/// record costs that record only. An unclosed `(` costs the rest of the file; a file with no apex
/// or that cannot be read yields no zone at all (`file == nil`).
public struct ZoneSource: Sendable {
  public let path: String
  /// The file's lines, without their newlines; `lines[0]` is line 1.
  public let lines: [String]
  /// The zone without the faulty records, or nil when nothing usable is left.
  public let file: ZoneFile?
  /// Every fault, in file order.
  public let faults: [ZoneFileError]

  /// Re-parses allowed after ldns rejects a record; past this the file counts as unusable.
  static let maxAttempts = 64

  /// Reads `path`; an unreadable file is a source with one fault and no zone.
  public init(path: String, origin: DNSName? = nil) {
    let bytes: [UInt8]
    do {
      bytes = try readFileBytes(path)
    } catch {
      self.init(
        path: path, lines: [], file: nil,
        faults: [ZoneFileError(file: path, line: nil, rule: .unreadable, message: "cannot read: \(error.reason)")])
      return
    }
    self.init(bytes: bytes, path: path, origin: origin)
  }

  private init(path: String, lines: [String], file: ZoneFile?, faults: [ZoneFileError]) {
    self.path = path
    self.lines = lines
    self.file = file
    self.faults = faults
  }

  /// Zone text; `path` names it in faults.
  public init(text: String, path: String, origin: DNSName? = nil) {
    self.init(bytes: Array(text.utf8), path: path, origin: origin)
  }

  init(bytes: [UInt8], path: String, origin: DNSName?) {
    self.path = path
    var rawLines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    if rawLines.last?.isEmpty == true { rawLines.removeLast() }
    lines = rawLines.map { String(decoding: $0, as: UTF8.self) }
    var lexer = ZoneFileLexer(bytes: bytes, file: path)
    let scanned = lexer.scan()
    let summary = ZoneFileChecker(file: path, origin: origin).scan(scanned.entries)
    var faults = scanned.faults + summary.faults
    var blanked: Set<Int> = []
    for fault in faults {
      guard let line = fault.line else { continue }
      if fault.rule == .unbalancedParenthesis, fault.message.hasPrefix("'('") {
        blanked.formUnion(line...max(line, rawLines.count))
      } else {
        blanked.formUnion(ZoneSource.span(of: line, in: scanned.entries))
      }
    }
    var parsed: ZoneFile?
    var settled = false
    for _ in 0..<ZoneSource.maxAttempts {
      let working = ZoneSource.join(rawLines, blanking: blanked)
      do {
        parsed = try ZoneFile(bytes: working, path: path, origin: origin)
        settled = true
        break
      } catch {
        if !faults.contains(error) { faults.append(error) }
        guard let line = error.line, !blanked.contains(line) else {
          settled = true
          break
        }
        var again = ZoneFileLexer(bytes: working, file: path)
        blanked.formUnion(ZoneSource.span(of: line, in: again.scan().entries))
      }
    }
    if !settled, let last = faults.last {
      faults.append(
        ZoneFileError(
          file: path, line: last.line, rule: .syntax,
          message: "more than \(ZoneSource.maxAttempts - 1) records ldns rejects: the file was not loaded"))
    }
    file = parsed
    self.faults = faults.sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
  }

  /// The text of line `number` (1-based), if the file has it.
  public func line(_ number: Int) -> String? {
    number >= 1 && number <= lines.count ? lines[number - 1] : nil
  }

  /// The lines of the entry that holds `line`, or that line alone.
  private static func span(of line: Int, in entries: [ZoneFileLexer.Entry]) -> ClosedRange<Int> {
    if let entry = entries.first(where: { $0.line <= line && line <= max($0.line, $0.endLine) }) {
      return entry.line...max(entry.line, entry.endLine)
    }
    return line...line
  }

  private static func join(_ lines: [[UInt8]], blanking blanked: Set<Int>) -> [UInt8] {
    var bytes: [UInt8] = []
    for (index, line) in lines.enumerated() {
      if !blanked.contains(index + 1) { bytes += line }
      bytes.append(UInt8(ascii: "\n"))
    }
    return bytes
  }
}
