import ArgumentParser
import MailZoneAudit

extension MailZoneCommand {
  /// `mailzone explain CHECK-ID`.
  struct Explain: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Explain a check: why it matters, its references, and example zones that pass and fail.")

    @Argument(help: "The check id, e.g. spf.lookup-limit (see `mailzone checks`).")
    var id: String

    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text], command: "explain")
      guard CheckRegistry.description(id: id) != nil else {
        let known = CheckRegistry.descriptions.map(\.id)
        let close = known.filter { $0.hasPrefix(id.split(separator: ".").first.map(String.init) ?? id) }
        let hint =
          close.isEmpty
          ? "run `mailzone checks` for the list" : "did you mean \(close.prefix(5).joined(separator: ", "))?"
        throw ValidationError("no check '\(id)'; \(hint)")
      }
    }

    func run() async throws {
      guard let description = CheckRegistry.description(id: id) else { throw ExitStatus.usage }
      print(CheckDocs.explain(description, style: Style(enabled: output.useColor)), terminator: "")
    }
  }

  /// `mailzone checks`.
  struct Checks: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List every check with its severity and summary (--format markdown for the full catalogue).")

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, markdown, json
    }

    @Option(help: "text (a table), markdown (Documentation/checks.md) or json.")
    var format: Format = .text

    func run() async throws {
      let descriptions = CheckRegistry.descriptions
      switch format {
      case .text: print(CheckDocs.table(descriptions), terminator: "")
      case .markdown: print(CheckDocs.markdown(descriptions), terminator: "")
      case .json:
        let objects: [JSONValue] = descriptions.map { description in
          .object([
            ("id", .string(description.id)), ("family", .string(description.family.rawValue)),
            ("severity", .string(description.severity.rawValue)), ("title", .string(description.title)),
            ("summary", .string(description.summary)),
            ("references", .array(description.references.map { .string($0) })),
          ])
        }
        print(JSONValue.array(objects).prettySerialized())
      }
    }
  }
}
