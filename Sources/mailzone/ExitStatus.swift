import ArgumentParser

/// The documented exit codes (see `mailzone --help`).
enum ExitStatus {
  static let clean = ExitCode(0)
  static let findings = ExitCode(1)
  static let incomplete = ExitCode(2)
  static let usage = ExitCode(64)
  static let dataError = ExitCode(65)
}
