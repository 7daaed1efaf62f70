import ArgumentParser

extension MailZoneCommand {
  /// `mailzone dkim ...`: DKIM key management.
  struct DKIM: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "dkim",
      abstract: "Generate DKIM signing keys and the selector records that publish them.",
      subcommands: [Keygen.self]
    )
  }
}
