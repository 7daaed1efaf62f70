import Foundation

/// Finds the `Templates/` folder an installed or freshly built binary uses.
public enum TemplateLocator {
  /// The first of: `explicit` (`--templates`), `$MAILZONE_TEMPLATES`, `<bin>/../share/mailzone/Templates`,
  /// and the package's `Templates/` above a binary in `.build/`, that holds a complete set.
  ///
  /// - Throws: ``GenerateError`` `missingTemplates`, listing where it looked.
  public static func locate(explicit: String?, environment: [String: String], executablePath: String)
    throws(GenerateError) -> TemplateSet
  {
    if let explicit { return try TemplateSet(directory: explicit) }
    if let variable = environment["MAILZONE_TEMPLATES"], !variable.isEmpty {
      return try TemplateSet(directory: variable)
    }
    let candidates = candidates(executablePath: executablePath)
    for candidate in candidates where FileManager.default.fileExists(atPath: candidate) {
      return try TemplateSet(directory: candidate)
    }
    let looked = candidates.joined(separator: ", ")
    throw GenerateError(
      .missingTemplates,
      "the templates are not installed (looked in \(looked)); pass --templates DIR or set MAILZONE_TEMPLATES")
  }

  /// Where a binary at `executablePath` looks, in order.
  public static func candidates(executablePath: String) -> [String] {
    let binary = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath()
    let folder = binary.deletingLastPathComponent()
    var candidates = [folder.deletingLastPathComponent().appendingPathComponent("share/mailzone/Templates").path]
    // A binary under `<package>/.build/<triple>/<config>/`: the package root is above `.build`.
    var parent = folder
    while parent.path != "/" {
      if parent.lastPathComponent == ".build" {
        candidates.append(parent.deletingLastPathComponent().appendingPathComponent("Templates").path)
        break
      }
      parent = parent.deletingLastPathComponent()
    }
    return candidates
  }
}
