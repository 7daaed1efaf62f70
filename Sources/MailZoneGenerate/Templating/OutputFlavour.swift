/// The shapes `mailzone generate` writes.
public enum OutputFlavour: String, Sendable, Hashable, CaseIterable {
  /// BIND zone lines.
  case bind
  /// A JSON document: records as name, type, ttl, value.
  case json
  /// octoDNS zone YAML.
  case octodns

  /// The template file name inside each family folder.
  var templateName: String {
    switch self {
    case .bind: "zone"
    case .json: "json"
    case .octodns: "octodns"
    }
  }
}
