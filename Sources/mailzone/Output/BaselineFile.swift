import Foundation
import MailZoneAudit

/// The `mailzone.baseline/1` file: the fingerprints of accepted findings.
enum BaselineFile {
  static let schema = "mailzone.baseline/1"

  static func read(_ path: String) throws -> Baseline {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure(
        message: "\(path): cannot read: \(error.localizedDescription)", exitCode: ExitStatus.dataError)
    }
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      object["schema"] as? String == schema, let entries = object["findings"] as? [[String: Any]]
    else {
      throw CommandFailure(message: "\(path): not a \(schema) file", exitCode: ExitStatus.dataError)
    }
    var fingerprints: [Fingerprint] = []
    for (index, entry) in entries.enumerated() {
      guard let file = entry["file"] as? String, let id = entry["id"] as? String, let name = entry["name"] as? String,
        let hash = entry["hash"] as? String
      else {
        throw CommandFailure(
          message: "\(path): findings[\(index)] needs string keys file, id, name and hash",
          exitCode: ExitStatus.dataError)
      }
      fingerprints.append(Fingerprint(file: file, checkID: id, name: name, hash: hash))
    }
    return Baseline(fingerprints: fingerprints)
  }

  /// Writes every finding not suppressed inline (those of an older baseline included, so a
  /// rewrite keeps them); returns how many.
  static func write(_ result: ZoneCheckResult, to path: String) throws -> Int {
    let fingerprints = result.findings.filter { !$0.suppressed }.map { Fingerprint($0.finding) }.sorted()
    let document = JSONValue.object([
      ("schema", .string(schema)),
      (
        "findings",
        .array(
          fingerprints.map {
            .object([
              ("file", .string($0.file)), ("id", .string($0.checkID)), ("name", .string($0.name)),
              ("hash", .string($0.hash)),
            ])
          })
      ),
    ])
    do {
      try Data((document.prettySerialized() + "\n").utf8).write(to: URL(fileURLWithPath: path))
    } catch {
      throw CommandFailure(
        message: "\(path): cannot write: \(error.localizedDescription)", exitCode: ExitStatus.dataError)
    }
    return fingerprints.count
  }
}
