import MailZoneDNS
import MailZoneNet
import Yams

/// A YAML node with the key path that led to it, so every mistake names its line and key.
struct ConfigNode {
  var node: Node
  var key: String
  var file: String

  var line: Int? { node.mark?.line }
  var scalar: String? { node.scalar?.string }

  func failure(_ message: String) -> ConfigError {
    ConfigError(file: file, line: line, key: key, message: message)
  }

  func mapping(allowed: Set<String>) throws(ConfigError) -> ConfigMapping {
    guard let mapping = node.mapping else { throw failure("expected a mapping") }
    var entries: [String: ConfigNode] = [:]
    for (keyNode, value) in mapping {
      let name = keyNode.scalar?.string ?? ""
      let path = key.isEmpty ? name : "\(key).\(name)"
      let child = ConfigNode(node: value, key: path, file: file)
      guard allowed.contains(name) else {
        let known = allowed.sorted().joined(separator: ", ")
        throw ConfigError(file: file, line: keyNode.mark?.line, key: path, message: "unknown key (known: \(known))")
      }
      guard entries[name] == nil else {
        throw ConfigError(file: file, line: keyNode.mark?.line, key: path, message: "duplicate key")
      }
      entries[name] = child
    }
    return ConfigMapping(owner: self, entries: entries)
  }

  func list() throws(ConfigError) -> [ConfigNode] {
    guard let sequence = node.sequence else { throw failure("expected a list") }
    return sequence.enumerated().map { ConfigNode(node: $1, key: "\(key)[\($0)]", file: file) }
  }

  /// A list of scalars; a single scalar counts as a list of one.
  func strings() throws(ConfigError) -> [ConfigNode] {
    if node.scalar != nil { return [self] }
    let items = try list()
    for item in items where item.scalar == nil { throw item.failure("expected a string") }
    return items
  }

  func text() throws(ConfigError) -> String {
    guard let scalar, !scalar.isEmpty else { throw failure("expected a non-empty string") }
    return scalar
  }

  func integer(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
    guard let value = Int(try text()), range.contains(value) else {
      throw failure("expected a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return value
  }

  func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws(ConfigError) -> T where T.RawValue == String {
    let value = try text()
    guard let choice = T(rawValue: value) else {
      throw failure("expected one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not \(value)")
    }
    return choice
  }

  func name() throws(ConfigError) -> DNSName {
    let value = try text()
    let trimmed = value.hasSuffix(".") ? String(value.dropLast()) : value
    guard !trimmed.isEmpty, let name = try? DNSName(trimmed), name.labels.count > 1 else {
      throw failure("not a domain name: \(value)")
    }
    return name.lowercased
  }

  func subdomain(of domain: DNSName) throws(ConfigError) -> DNSName {
    let value = try text()
    let full = value.contains(".") ? value : "\(value).\(domain)"
    guard let name = try? DNSName(full), name.isSubdomain(of: domain), name != domain else {
      throw failure("not a subdomain of \(domain): \(value)")
    }
    return name.lowercased
  }

  /// A label-like account value (letters, digits, `-`, `_`, `.`), safe inside a DNS name.
  func label() throws(ConfigError) -> String {
    let value = try text()
    let allowed = value.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || "-_.".unicodeScalars.contains($0)
    }
    guard allowed else { throw failure("expected letters, digits, '-', '_' or '.', not \(value)") }
    return value.lowercased()
  }

  func provider() throws(ConfigError) -> MailProvider {
    let value = try text()
    guard let provider = MailProvider.named(value) else {
      let known = MailProvider.catalogue.map(\.key).joined(separator: ", ")
      throw failure("unknown service \(value) (known: \(known))")
    }
    return provider
  }

  /// An address or CIDR network (`192.0.2.0/24`, `2001:db8::/32`).
  func ip(v6: Bool) throws(ConfigError) -> String {
    let value = try text()
    let parts = value.split(separator: "/", maxSplits: 1).map(String.init)
    let address = parts.first ?? ""
    let valid = v6 ? IPv6Address(address) != nil : IPv4Address(address) != nil
    let limit = v6 ? 128 : 32
    let prefixValid = parts.count == 1 || (Int(parts[1]).map { (0...limit).contains($0) } ?? false)
    guard valid, prefixValid else { throw failure("not an \(v6 ? "IPv6" : "IPv4") address or network: \(value)") }
    return value
  }

  func reportURI(schemes: [String]) throws(ConfigError) -> String {
    var value = try text()
    if !value.contains(":"), value.contains("@") { value = "mailto:" + value }
    guard schemes.contains(where: { value.lowercased().hasPrefix($0) }), !value.contains(","), !value.contains(";"),
      !value.contains(" ")
    else {
      throw failure("expected a \(schemes.joined(separator: " or ")) address, not \(value)")
    }
    if value.lowercased().hasPrefix("mailto:") {
      let address = value.dropFirst("mailto:".count)
      let parts = address.split(separator: "@")
      guard parts.count == 2, (try? DNSName(String(parts[1]))) != nil else {
        throw failure("not a mail address: \(address)")
      }
    }
    return value
  }

  func httpsURL() throws(ConfigError) -> String {
    let value = try text()
    guard value.lowercased().hasPrefix("https://"), value.count > 8, !value.contains(";"), !value.contains(" ") else {
      throw failure("expected an https:// URL, not \(value)")
    }
    return value
  }
}

/// The entries of a YAML mapping, by key.
struct ConfigMapping {
  var owner: ConfigNode
  var entries: [String: ConfigNode]

  subscript(name: String) -> ConfigNode? { entries[name] }

  func required(_ name: String) throws(ConfigError) -> ConfigNode {
    guard let node = entries[name] else {
      let path = owner.key.isEmpty ? name : "\(owner.key).\(name)"
      throw ConfigError(file: owner.file, line: owner.line, key: path, message: "missing required key")
    }
    return node
  }
}
