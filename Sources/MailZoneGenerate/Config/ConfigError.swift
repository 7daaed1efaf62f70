/// A `mailzone.yml` the generator cannot use: where (file, line, key) and why.
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The file as named by the user.
  public var file: String
  /// 1-based line of the offending node, when known.
  public var line: Int?
  /// The dotted key path (`dmarc.policy`, `services[2]`), empty for the document itself.
  public var key: String
  /// A lower-case message.
  public var message: String

  /// Creates an error.
  public init(file: String, line: Int?, key: String, message: String) {
    self.file = file
    self.line = line
    self.key = key
    self.message = message
  }

  /// `mailzone.yml:7: dmarc.policy: ...`
  public var description: String {
    let place = line.map { "\(file):\($0)" } ?? file
    return key.isEmpty ? "\(place): \(message)" : "\(place): \(key): \(message)"
  }
}
