import Foundation
import Mustache

/// The Mustache templates of `Templates/`: `layout/` plus one folder per record family, each with
/// `zone`, `json` and `octodns` flavours. Templates only lay out values rendered in Swift.
public struct TemplateSet: Sendable {
  /// The folder the templates were read from.
  public let directory: String
  private let templates: [String: MustacheTemplate]

  /// Every template file a complete set has, relative to its folder.
  public static var requiredFiles: [String] {
    let folders = ["layout"] + RecordFamily.allCases.map(\.rawValue)
    return folders.flatMap { folder in OutputFlavour.allCases.map { "\(folder)/\($0.templateName).mustache" } }
  }

  /// Reads and parses every required template under `directory`.
  ///
  /// - Throws: ``GenerateError`` `missingTemplates` naming the first missing file, `badTemplate`
  ///   for one that does not parse.
  public init(directory: String) throws(GenerateError) {
    self.directory = directory
    var templates: [String: MustacheTemplate] = [:]
    for file in Self.requiredFiles {
      let path = (directory as NSString).appendingPathComponent(file)
      guard let data = FileManager.default.contents(atPath: path) else {
        throw GenerateError(.missingTemplates, "template \(file) is missing from \(directory)")
      }
      do {
        templates[String(file.dropLast(".mustache".count))] = try MustacheTemplate(
          string: String(decoding: data, as: UTF8.self))
      } catch {
        throw GenerateError(.badTemplate, "\(path): the template does not parse: \(error)")
      }
    }
    self.templates = templates
  }

  /// Renders `context` with `folder/flavour`.
  func render(_ context: [String: Any], folder: String, flavour: OutputFlavour) -> String {
    templates["\(folder)/\(flavour.templateName)"]?.render(context) ?? ""
  }
}
