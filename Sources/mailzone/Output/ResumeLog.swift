import Foundation
import MailZoneAudit

/// `--resume FILE`: the `domain` of every complete line of a previous NDJSON output.
enum ResumeLog {
  /// A line that does not parse as a JSON object with a string `domain` (the truncated last line
  /// of an interrupted run, a stray message) is ignored; only an unreadable file is an error.
  static func domains(in path: String) throws -> Set<String> {
    var domains: Set<String> = []
    do {
      let reader = try DomainListReader(path: path, maxLineBytes: 16 << 20)
      while let (_, text, cut) = try reader.next() {
        guard !cut, text.hasSuffix("}"),
          let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
          let domain = object["domain"] as? String
        else { continue }
        domains.insert(domain)
      }
    } catch {
      throw CommandFailure(message: "--resume \(error.description)", exitCode: ExitStatus.dataError)
    }
    return domains
  }
}
