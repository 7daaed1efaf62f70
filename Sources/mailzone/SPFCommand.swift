import ArgumentParser

extension MailZoneCommand {
  /// `mailzone spf ...`: the SPF engine's views of a domain.
  struct SPF: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "spf",
      abstract: "Evaluate SPF as a receiver does, draw a domain's SPF lookup tree, or flatten it.",
      subcommands: [Check.self, Tree.self, Flatten.self]
    )
  }
}
