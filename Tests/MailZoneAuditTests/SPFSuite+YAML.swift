import MailZoneTestSupport
import Yams

extension SPFSuite {
  /// Reads the suite's YAML documents as `spf_suite.py`'s `load_scenarios` does. Scalars are taken
  /// as written (the suite's values are all strings but the MX preferences), never re-typed.
  static func parse(_ text: String) throws -> [Scenario] {
    var documents = try Yams.compose_all(yaml: text)
    var scenarios: [Scenario] = []
    var index = 0
    while let document = documents.next() {
      defer { index += 1 }
      guard let mapping = document.mapping, !mapping.isEmpty else { continue }
      let description = mapping["description"].flatMap(text(of:)).flatMap { $0.isEmpty ? nil : $0 }
      scenarios.append(
        Scenario(
          index: index, description: description ?? "scenario \(index)",
          zonedata: try zonedata(mapping["zonedata"]), tests: try tests(mapping["tests"])))
    }
    if let error = documents.error { throw error }
    return scenarios
  }

  private static func text(of node: Node) -> String? {
    guard let scalar = node.scalar, node.null == nil else { return nil }
    return scalar.string
  }

  private static func tests(_ node: Node?) throws -> [Test] {
    guard let node else { return [] }
    guard let mapping = node.mapping else { throw SPFSuiteError("tests is not a mapping") }
    return try mapping.map { (key, value) throws in
      guard let id = text(of: key), let test = value.mapping else { throw SPFSuiteError("malformed test \(key)") }
      let results = test["result"].map(list) ?? []
      guard !results.isEmpty else { throw SPFSuiteError("test \(id) has no result") }
      return Test(
        id: id, spec: (test["spec"].map(list) ?? []).joined(separator: ","),
        host: test["host"].flatMap(text(of:)) ?? "", mailFrom: test["mailfrom"].flatMap(text(of:)) ?? "",
        helo: test["helo"].flatMap(text(of:)) ?? "", results: results.map { $0.lowercased() },
        explanation: test["explanation"].flatMap(text(of:)))
    }
  }

  /// A scalar as a one-element list, a sequence as its scalars.
  private static func list(_ node: Node) -> [String] {
    if let sequence = node.sequence { return sequence.compactMap(text(of:)) }
    return text(of: node).map { [$0] } ?? []
  }

  private static func zonedata(_ node: Node?) throws -> [(owner: String, entries: [SuiteZoneEntry])] {
    guard let node, node.null == nil else { return [] }
    guard let mapping = node.mapping else { throw SPFSuiteError("zonedata is not a mapping") }
    return try mapping.map { (key, value) throws in
      guard let owner = text(of: key) else { throw SPFSuiteError("zonedata owner \(key) is not a name") }
      let items = value.sequence.map(Array.init) ?? [value]
      return (owner, try items.flatMap { item in try entries(item, owner: owner) })
    }
  }

  /// `TIMEOUT`, or `{TYPE: value}` (one pair per mapping in the suites; several are read in order).
  private static func entries(_ node: Node, owner: String) throws -> [SuiteZoneEntry] {
    if let marker = text(of: node) {
      guard marker.uppercased() == "TIMEOUT" else { throw SPFSuiteError("\(owner): unknown entry \(marker)") }
      return [.timeout]
    }
    guard let mapping = node.mapping else { throw SPFSuiteError("\(owner): malformed record \(node)") }
    return try mapping.map { (key, value) throws in
      guard let type = text(of: key) else { throw SPFSuiteError("\(owner): malformed type \(key)") }
      if value.null != nil { return .record(type: type, value: .null) }
      if let sequence = value.sequence { return .record(type: type, value: .list(sequence.compactMap(text(of:)))) }
      guard let scalar = text(of: value) else { throw SPFSuiteError("\(owner): malformed \(type) value") }
      return .record(type: type, value: .scalar(scalar))
    }
  }
}
