import ArgumentParser

/// An error the user must act on: printed as `mailzone: message` on stderr, then exit `exitCode`.
struct CommandFailure: Error, CustomStringConvertible {
  var message: String
  var exitCode: ExitCode
  var description: String { message }
}

extension AsyncParsableCommand {
  /// Runs `body`, turning a `CommandFailure` into its message and exit code.
  func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
      try await body()
    } catch let failure as CommandFailure {
      printError("mailzone: \(failure.message)")
      throw failure.exitCode
    }
  }
}

/// Writes a line to standard error.
func printError(_ line: String) {
  var stderr = StandardError()
  print(line, to: &stderr)
}

struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandleWriter.put(string, to: 2)
  }
}
