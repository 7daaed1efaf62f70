import ArgumentParser
import Foundation
import MailZoneGenerate

/// `generate --format`: the flavours of ``OutputFlavour``.
enum GenerateFormat: String, ExpressibleByArgument, CaseIterable {
  case bind, json, octodns

  var flavour: OutputFlavour {
    switch self {
    case .bind: .bind
    case .json: .json
    case .octodns: .octodns
    }
  }
}

extension MailZoneCommand {
  /// `mailzone generate --config mailzone.yml`.
  struct Generate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write every email-authentication record a mailzone.yml declares (see `mailzone init`).",
      discussion: """
        Templates come from --templates, else $MAILZONE_TEMPLATES, else <bin>/../share/mailzone/Templates, \
        else the package's Templates/ when run from .build. Exit 65: a malformed config or missing templates.
        """)

    @Option(name: .long, help: "The configuration file (YAML).")
    var config: String = "mailzone.yml"

    @Option(name: .long, help: "Output format: bind (zone lines), json or octodns.")
    var format: GenerateFormat = .bind

    @Option(name: .long, help: "A folder of templates to use instead of the installed ones.")
    var templates: String?

    @Option(name: .long, help: "The DMARC rollout stage to publish (1 = p=none; overrides dmarc.stage).")
    var stage: Int?

    func run() async throws {
      try await reportingFailures {
        guard let data = FileManager.default.contents(atPath: config) else {
          throw CommandFailure(message: "\(config): cannot read the file", exitCode: ExitStatus.dataError)
        }
        do {
          var parsed = try ConfigReader(file: config).read(String(decoding: data, as: UTF8.self))
          if let stage {
            guard let dmarc = parsed.dmarc, (1...dmarc.stages.count).contains(stage) else {
              let count = parsed.dmarc?.stages.count ?? 0
              throw CommandFailure(
                message: "--stage \(stage): \(config) has \(count) DMARC stage(s)", exitCode: ExitStatus.usage)
            }
            parsed.dmarc?.stage = stage
          }
          let set = try RecordGenerator(config: parsed).generate()
          let templateSet = try TemplateLocator.locate(
            explicit: templates, environment: ProcessInfo.processInfo.environment,
            executablePath: Bundle.main.executablePath ?? CommandLine.arguments[0])
          print(TemplateRenderer(templates: templateSet).render(set, as: format.flavour), terminator: "")
        } catch let error as ConfigError {
          throw CommandFailure(message: error.description, exitCode: ExitStatus.dataError)
        } catch let error as GenerateError {
          throw CommandFailure(message: error.message, exitCode: ExitStatus.dataError)
        }
      }
    }
  }
}
