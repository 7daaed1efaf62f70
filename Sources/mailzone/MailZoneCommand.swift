import ArgumentParser
import Foundation

/// The `mailzone` root command.
@main
struct MailZoneCommand: AsyncParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "mailzone",
    abstract: "Audit a domain's email-authentication DNS and write the corrected zone records.",
    discussion: """
      Exit codes:
        0   clean: nothing at or above --fail-on (lookups: an answer was obtained)
        1   findings at or above --fail-on
        2   incomplete: a query failed (SERVFAIL, REFUSED, timeout) or the
            audited domain does not exist; wins over 1
        64  usage error: unknown flag or bad value
        65  bad input data: an unreadable or malformed zone file or record
      """,
    version: version,
    subcommands: [
      Audit.self, Check.self, Diff.self, Fix.self, Generate.self, Init.self, SPF.self, DKIM.self, Lookup.self,
      Parse.self, Explain.self,
      Checks.self,
    ]
  )
}

extension MailZoneCommand {
  /// ArgumentParser's own entry point, except that a command's exit status leaves at once: the
  /// status has been decided and printed, so building a help message for it (what
  /// `exit(withError:)` does for every error) and freeing a bulk run's caches are wasted time.
  static func main() async {
    do {
      var command = try parseAsRoot()
      if var command = command as? any AsyncParsableCommand {
        try await command.run()
      } else {
        try command.run()
      }
    } catch let status as ExitCode {
      Foundation.exit(status.rawValue)
    } catch {
      exit(withError: error)
    }
  }
}
