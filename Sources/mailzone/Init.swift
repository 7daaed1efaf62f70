import ArgumentParser
import Foundation
import MailZoneGenerate

extension MailZoneCommand {
  /// `mailzone init`.
  struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a commented starter mailzone.yml (refuses to overwrite without --force).")

    @Option(name: .long, help: "Where to write the configuration.")
    var config: String = "mailzone.yml"

    @Option(name: .long, help: "The domain the configuration is for.")
    var domain: String = "example.com"

    @Flag(name: .long, help: "Overwrite an existing file.")
    var force = false

    func run() async throws {
      try await reportingFailures {
        if FileManager.default.fileExists(atPath: config), !force {
          throw CommandFailure(
            message: "\(config) exists; pass --force to overwrite it", exitCode: ExitStatus.usage)
        }
        let text = StarterConfig.text(domain: domain)
        do {
          _ = try ConfigReader(file: config).read(text)
          try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        } catch let error as ConfigError {
          throw CommandFailure(message: "--domain: \(error.message)", exitCode: ExitStatus.usage)
        } catch {
          throw CommandFailure(message: "\(config): cannot write: \(error)", exitCode: ExitStatus.dataError)
        }
        print("wrote \(config); edit it, then run `mailzone generate --config \(config)`")
      }
    }
  }
}
