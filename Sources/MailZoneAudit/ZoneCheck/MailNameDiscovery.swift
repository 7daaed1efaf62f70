public import MailZoneDNS

/// A name `mailzone check` audits, and the DKIM selectors the zone publishes for it.
public struct MailName: Sendable, Hashable {
  public var domain: DNSName
  public var selectors: [String]

  public init(domain: DNSName, selectors: [String] = []) {
    self.domain = domain
    self.selectors = selectors
  }
}

/// Finds the mail-relevant names of zone files: the apex, owners of SPF records (except `_`
/// names, which are include targets audited through the records that include them), the domains
/// of `_dmarc`, `_domainkey` (with the selector) and `_mta-sts` names, and MX owners.
public enum MailNameDiscovery {
  public static func names(in files: [ZoneFile], extra: [DNSName] = []) -> [MailName] {
    var order: [DNSName] = []
    var selectors: [DNSName: [String]] = [:]
    func add(_ name: DNSName, selector: String? = nil) {
      let key = name.lowercased
      if selectors[key] == nil {
        order.append(key)
        selectors[key] = []
      }
      if let selector, selectors[key]?.contains(selector) == false { selectors[key]?.append(selector) }
    }
    for file in files {
      add(file.apex)
      for entry in file.entries { discover(entry.record, add: add) }
    }
    for name in extra { add(name) }
    return order.map { MailName(domain: $0, selectors: selectors[$0] ?? []) }
  }

  private static func discover(_ record: ResourceRecord, add: (DNSName, String?) -> Void) {
    let labels = record.owner.lowercased.labels
    let text = labels.map { String(decoding: $0, as: UTF8.self) }
    if let first = text.first, first == "_dmarc" || first == "_mta-sts", labels.count > 1 {
      add(record.owner.suffix(labels.count - 1), nil)
      return
    }
    if let index = text.firstIndex(of: "_domainkey"), index > 0, index + 1 < labels.count {
      add(record.owner.suffix(labels.count - index - 1), text[..<index].joined(separator: "."))
      return
    }
    if text.first?.hasPrefix("_") == true { return }
    switch record.data {
    case .mx: add(record.owner, nil)
    case .txt(let txt) where AuthRecords.kind(of: txt.text) == "SPF": add(record.owner, nil)
    default: break
    }
  }
}
