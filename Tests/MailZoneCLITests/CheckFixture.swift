import Foundation
import MailZoneTestSupport
import Testing

/// The check fixture repositories (Tests/Fixtures/check/{broken,fixed}), and scratch copies of them.
enum CheckFixture {
  static let root = Fixtures.directory + "/check"
  static let broken = root + "/broken"
  static let fixed = root + "/fixed"
  static let files = ["zones/acme.test.zone", "zones/beta.test.zone"]

  /// The findings `broken` must yield, as (check id, file, line, column).
  static let expected: Set<Located> = [
    Located("zone.relative-name-suspect", "zones/acme.test.zone", 8, 19),
    Located("mx.host-no-address", "zones/acme.test.zone", 8, 19),
    Located("zone.ttl-too-long", "zones/acme.test.zone", 11, 10),
    Located("spf.ptr", "zones/acme.test.zone", 10, 44),
    Located("zone.cname-and-other-data", "zones/acme.test.zone", 12, 1),
    Located("zone.duplicate-record", "zones/acme.test.zone", 15, 1),
    Located("zone.syntax", "zones/beta.test.zone", 3, 6),
    Located("dkim.no-key-found", "zones/beta.test.zone", 4, 1),
    Located("spf.missing", "zones/beta.test.zone", 4, 1),
    Located("zone.syntax", "zones/beta.test.zone", 9, 24),
    Located("zone.ttl-zero", "zones/beta.test.zone", 10, 10),
    Located("zone.syntax", "zones/beta.test.zone", 11, 1),
    Located("zone.txt-string-too-long", "zones/beta.test.zone", 12, 27),
  ]

  struct Located: Hashable, CustomStringConvertible {
    var id: String
    var file: String
    var line: Int
    var column: Int
    init(_ id: String, _ file: String, _ line: Int, _ column: Int) {
      self.id = id
      self.file = file
      self.line = line
      self.column = column
    }
    var description: String { "\(id)@\(file):\(line):\(column)" }
  }

  /// A fresh copy of a fixture repository in a temporary directory; the caller removes it.
  static func copy(_ source: String) throws -> String {
    let target = NSTemporaryDirectory() + "mailzone-check-\(getpid())-\(UUID().uuidString)"
    try FileManager.default.copyItem(atPath: source, toPath: target)
    return target
  }

  /// `mailzone check zones/... --offline ARGS` in `directory`.
  static func check(_ arguments: [String], in directory: String) throws -> CLIRunner.Result {
    try CLIRunner.run(["check"] + files + ["--offline"] + arguments, workingDirectory: directory)
  }

  /// The JSON findings of a run, split into active and hidden ones (suppressed or in the baseline).
  static func findings(_ stdout: String) throws -> (active: [[String: Any]], hidden: [[String: Any]]) {
    let json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
    let all = try #require(json["findings"] as? [[String: Any]])
    let hidden = all.filter { ($0["suppressed"] as? Bool) == true || ($0["baseline"] as? Bool) == true }
    let active = all.filter { ($0["suppressed"] as? Bool) != true && ($0["baseline"] as? Bool) != true }
    return (active, hidden)
  }

  static func located(_ finding: [String: Any]) -> Located? {
    guard let id = finding["id"] as? String, let location = finding["location"] as? [String: Any],
      let file = location["file"] as? String, let line = location["line"] as? Int,
      let column = location["column"] as? Int
    else { return nil }
    return Located(id, file, line, column)
  }

  /// Inserts `text` as new lines before line `line` (1-based) of `file`.
  static func insert(_ text: String, before line: Int, in file: String) throws {
    var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\n")
    lines.insert(text, at: line - 1)
    try lines.joined(separator: "\n").write(toFile: file, atomically: true, encoding: .utf8)
  }
}
