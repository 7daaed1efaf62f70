import MailZoneDNS

/// The records of a zone file that mail authentication reads, and what each is.
enum AuthRecords {
  /// Tags that start each kind of policy TXT record, lower-cased.
  static let prefixes: [(prefix: String, kind: String)] = [
    ("v=spf1", "SPF"), ("v=dmarc1", "DMARC"), ("v=dkim1", "DKIM"), ("v=stsv1", "MTA-STS"),
    ("v=tlsrptv1", "TLS-RPT"), ("v=bimi1", "BIMI"),
  ]

  static func entries(in file: ZoneFile) -> [(entry: ZoneFile.Entry, kind: String)] {
    let exchanges = Set(
      file.entries.compactMap { entry -> DNSName? in
        if case .mx(let mx) = entry.record.data, !mx.isNullMX { return mx.exchange.lowercased }
        return nil
      })
    return file.entries.compactMap { entry in
      let record = entry.record
      switch record.data {
      case .txt(let txt):
        if let kind = kind(of: txt.text) { return (entry, kind) }
        if record.owner.lowercased.labels.contains(Array("_domainkey".utf8)) {
          return (entry, "DKIM")
        }
      case .cname:
        if record.owner.lowercased.labels.contains(Array("_domainkey".utf8)) {
          return (entry, "DKIM CNAME")
        }
      case .mx: return (entry, "MX")
      case .a, .aaaa:
        if exchanges.contains(record.owner.lowercased) { return (entry, "MX host \(record.type)") }
      default: break
      }
      return nil
    }
  }

  /// The policy kind a TXT's text declares, if it starts with a known version tag.
  static func kind(of text: String) -> String? {
    let lower = text.lowercased()
    return prefixes.first { entry in
      guard lower.hasPrefix(entry.prefix) else { return false }
      let next = lower.dropFirst(entry.prefix.count).first
      return next == nil || next == " " || next == ";"
    }?.kind
  }
}
