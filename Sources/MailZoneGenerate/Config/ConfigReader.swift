import MailZoneDNS
import MailZoneRecords
import Yams

/// Reads `mailzone.yml` into a ``GenerateConfig``, naming file, line and key for every mistake.
public struct ConfigReader: Sendable {
  /// The file name used in errors.
  public var file: String

  /// Creates a reader whose errors name `file`.
  public init(file: String) { self.file = file }

  /// Parses the YAML text of a configuration.
  public func read(_ text: String) throws(ConfigError) -> GenerateConfig {
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: text) else {
        throw ConfigError(file: file, line: nil, key: "", message: "the file is empty")
      }
      root = node
    } catch let error as ConfigError {
      throw error
    } catch let error as YamlError {
      throw syntaxError(error)
    } catch {
      throw ConfigError(file: file, line: nil, key: "", message: "unreadable yaml: \(error)")
    }
    let document = try ConfigNode(node: root, key: "", file: file).mapping(
      allowed: [
        "domain", "ttl", "services", "dkim", "ip4", "ip6", "mx", "dmarc", "mta-sts", "tls-rpt", "bimi", "parked",
      ])
    return try build(document)
  }

  private func build(_ document: ConfigMapping) throws(ConfigError) -> GenerateConfig {
    let domainNode = try document.required("domain")
    let domain = try domainNode.name()
    var config = GenerateConfig(domain: domain)
    if let ttl = document["ttl"] { config.ttl = UInt32(try ttl.integer(in: 60...604_800)) }
    if let services = document["services"] {
      config.services = try services.list().map { node throws(ConfigError) in try service(node) }
    }
    if let dkim = document["dkim"] {
      config.dkim = try dkim.list().map { node throws(ConfigError) in try dkimEntry(node) }
    }
    if let ip4 = document["ip4"] {
      config.ip4 = try ip4.strings().map { node throws(ConfigError) in try node.ip(v6: false) }
    }
    if let ip6 = document["ip6"] {
      config.ip6 = try ip6.strings().map { node throws(ConfigError) in try node.ip(v6: true) }
    }
    if let mx = document["mx"] { config.mx = try mx.list().map { node throws(ConfigError) in try mxHost(node) } }
    if let dmarc = document["dmarc"] { config.dmarc = try self.dmarc(dmarc) }
    if let sts = document["mta-sts"] { config.mtaSTS = try mtaSTS(sts) }
    if let tls = document["tls-rpt"] {
      config.tlsReports = try tls.strings().map { node throws(ConfigError) in
        try node.reportURI(schemes: ["mailto:", "https:"])
      }
    }
    if let bimi = document["bimi"] {
      let map = try bimi.mapping(allowed: ["logo", "evidence"])
      config.bimiLogo = try map.required("logo").httpsURL()
      config.bimiEvidence = try map["evidence"]?.httpsURL()
    }
    if let parked = document["parked"] {
      config.parked = try parked.strings().map { node throws(ConfigError) in try node.subdomain(of: domain) }
    }
    if let sts = config.mtaSTS, config.effectiveMX.isEmpty, sts.mode != .none {
      throw try document.required("mta-sts").failure("mta-sts needs mx hosts (under mx, or a service that hosts mail)")
    }
    return config
  }

  private func service(_ node: ConfigNode) throws(ConfigError) -> GenerateConfig.Service {
    var selection: GenerateConfig.Service
    if node.scalar != nil {
      selection = GenerateConfig.Service(provider: try node.provider())
    } else {
      let map = try node.mapping(allowed: ["service", "tenant", "account", "tokens"])
      selection = GenerateConfig.Service(provider: try map.required("service").provider())
      selection.tenant = try map["tenant"]?.label()
      selection.account = try map["account"]?.label()
      selection.tokens = try map["tokens"]?.strings().map { token throws(ConfigError) in try token.label() } ?? []
    }
    for pattern in selection.provider.dkim {
      let text = (pattern.target ?? "") + pattern.selector
      if text.contains("{tenant}"), selection.tenant == nil {
        throw node.failure("\(selection.provider.key) needs tenant: (the <tenant>.onmicrosoft.com name)")
      }
      if text.contains("{account}"), selection.account == nil {
        throw node.failure("\(selection.provider.key) needs account: (shown in its DKIM setup)")
      }
      if text.contains("{token}"), selection.tokens.isEmpty {
        throw node.failure("\(selection.provider.key) needs tokens: (its DKIM tokens)")
      }
    }
    return selection
  }

  private func dkimEntry(_ node: ConfigNode) throws(ConfigError) -> GenerateConfig.DKIMEntry {
    let map = try node.mapping(allowed: ["selector", "public-key", "type", "cname"])
    let selector = try map.required("selector").label()
    if let cname = map["cname"] {
      return GenerateConfig.DKIMEntry(selector: selector, cname: try cname.name().description)
    }
    let keyNode = try map.required("public-key")
    let type = try map["type"]?.choice(DKIMKeyType.self) ?? .rsa
    let text = "v=DKIM1; k=\(type.rawValue); p=\(try keyNode.text().filter { !$0.isWhitespace })"
    do {
      let record = try DKIMKeyRecord.parse(text)
      guard record.publicKey != nil else { throw keyNode.failure("the public key does not decode as \(type.rawValue)") }
      return GenerateConfig.DKIMEntry(selector: selector, keyRecord: record.rendered)
    } catch let error as ConfigError {
      throw error
    } catch {
      throw keyNode.failure("not a DKIM public key: \(error)")
    }
  }

  private func mxHost(_ node: ConfigNode) throws(ConfigError) -> MXHost {
    let map = try node.mapping(allowed: ["priority", "host"])
    let priority = try map.required("priority").integer(in: 0...65535)
    let host = try map.required("host").name()
    return MXHost(priority: UInt16(priority), host: host.description)
  }

  private func dmarc(_ node: ConfigNode) throws(ConfigError) -> GenerateConfig.DMARC {
    let map = try node.mapping(allowed: ["policy", "rollout", "stage", "rua", "ruf"])
    let policy = try map.required("policy").choice(DMARCPolicy.self)
    var staged = false
    if let rollout = map["rollout"] {
      let value = try rollout.text()
      guard value == "staged" || value == "direct" else { throw rollout.failure("expected staged or direct") }
      staged = value == "staged"
    }
    let rua = try map.required("rua").strings().map { uri throws(ConfigError) in try uri.reportURI(schemes: ["mailto:"])
    }
    let ruf = try map["ruf"]?.strings().map { uri throws(ConfigError) in try uri.reportURI(schemes: ["mailto:"]) } ?? []
    var settings = GenerateConfig.DMARC(policy: policy, staged: staged, aggregateReports: rua, failureReports: ruf)
    if let stage = map["stage"] {
      settings.stage = try stage.integer(in: 1...settings.stages.count)
    }
    return settings
  }

  private func mtaSTS(_ node: ConfigNode) throws(ConfigError) -> GenerateConfig.MTASTS {
    let map = try node.mapping(allowed: ["mode", "max-age", "host"])
    var sts = GenerateConfig.MTASTS(mode: try map.required("mode").choice(MTASTSPolicy.Mode.self))
    if let age = map["max-age"] { sts.maxAge = try age.integer(in: 86_400...31_557_600) }
    sts.host = try map["host"]?.name().description
    return sts
  }

  private func syntaxError(_ error: YamlError) -> ConfigError {
    switch error {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
      .composer(_, let problem, let mark, _):
      return ConfigError(file: file, line: mark.line, key: "", message: "yaml syntax: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ConfigError(
        file: file, line: context.mark.line, key: duplicates.joined(separator: ", "), message: "duplicate key")
    default:
      return ConfigError(file: file, line: nil, key: "", message: "yaml syntax: \(error)")
    }
  }
}
