import ArgumentParser
import Foundation

/// Output formats. Each command accepts the subset that makes sense for it.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
  case text, json, ndjson, sarif
}

/// `--format`, `--color/--no-color`: shared by every command that prints results.
struct OutputOptions: ParsableArguments {
  @Option(name: .long, help: "Output format: text, json, ndjson or sarif (each command lists what it supports).")
  var format: OutputFormat = .text

  @Flag(
    name: .customLong("color"), inversion: .prefixedNo,
    help: "Colour the text output (default: on a terminal only, and never when NO_COLOR is set).")
  var color: Bool?

  /// Fails with a usage error (exit 64) when the command cannot write `format`.
  func require(_ allowed: [OutputFormat], command: String) throws {
    guard allowed.contains(format) else {
      let list = allowed.map(\.rawValue).joined(separator: ", ")
      throw ValidationError("'\(command)' writes \(list), not \(format.rawValue)")
    }
  }

  /// Whether text output gets ANSI colour: an explicit flag wins, then NO_COLOR, then "is stdout a TTY".
  var useColor: Bool {
    if let color { return color }
    if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
    return isatty(STDOUT_FILENO) == 1
  }
}
