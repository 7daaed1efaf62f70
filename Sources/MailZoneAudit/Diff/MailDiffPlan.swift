import MailZoneDNS

/// The mail-relevant names in zone files: which domains to diff, and where their records live.
struct MailDiffPlan {
  /// Apexes, MX owners, owners of `v=spf1` TXT that are host names, and the domains above
  /// `_dmarc`, `_domainkey`, `_mta-sts`, `_smtp._tls` and `_bimi` owners; lower-cased, in file order.
  var domains: [DNSName] = []
  /// DKIM selectors published in the files (`<selector>._domainkey.<domain>`).
  var selectors: [String] = []
  /// Owners of `v=spf1` TXT whose first label starts with `_` (include targets such as `_spf`):
  /// compared under the closest domain above them.
  private var spfOwners: [DNSName] = []
  /// `<x>._bimi.<domain>` owners.
  private var bimiOwners: [DNSName] = []

  init(files: [ZoneFile]) {
    for file in files { add(file.apex) }
    for file in files {
      for entry in file.entries {
        let record = entry.record
        let owner = record.owner.lowercased
        let labels = owner.labels.map { String(decoding: $0, as: UTF8.self) }
        if record.type == .mx { add(owner) }
        if let index = labels.firstIndex(of: "_domainkey"), index > 0 {
          let selector = labels[..<index].joined(separator: ".")
          if !selectors.contains(selector) { selectors.append(selector) }
          add(owner.suffix(labels.count - index - 1))
        } else if let index = labels.firstIndex(of: "_bimi"), index > 0 {
          if !bimiOwners.contains(owner) { bimiOwners.append(owner) }
          add(owner.suffix(labels.count - index - 1))
        } else if labels.first == "_dmarc" || labels.first == "_mta-sts" {
          add(owner.suffix(labels.count - 1))
        } else if labels.starts(with: ["_smtp", "_tls"]) {
          add(owner.suffix(labels.count - 2))
        } else if record.type == .txt, case .txt(let txt) = record.data,
          RecordSetComparison.family(of: txt.text, at: owner) == "spf"
        {
          if labels.first?.hasPrefix("_") == true {
            if !spfOwners.contains(owner) { spfOwners.append(owner) }
          } else {
            add(owner)
          }
        }
      }
    }
  }

  private mutating func add(_ name: DNSName) {
    if !name.isRoot, !domains.contains(name) { domains.append(name) }
  }

  /// Names compared for `domain`: itself, its policy names, its selectors and BIMI owners, and
  /// the `_`-prefixed SPF owners whose closest listed domain it is.
  func names(for domain: DNSName, selectors: [String]) -> [DNSName] {
    var names = [domain]
    for prefix in ["_dmarc", "_mta-sts", "_smtp._tls", "default._bimi"] {
      if let name = try? DNSName(prefix + "." + domain.absoluteText) { names.append(name) }
    }
    for selector in selectors {
      if let name = try? DNSName(selector + "._domainkey." + domain.absoluteText), !names.contains(name) {
        names.append(name)
      }
    }
    for owner in bimiOwners + spfOwners where closestDomain(owner) == domain && !names.contains(owner) {
      names.append(owner)
    }
    return names
  }

  /// True for names where only `v=spf1` TXT records are mail authentication: every name but the
  /// `_dmarc`, `_domainkey`, `_mta-sts`, `_smtp._tls` and `_bimi` ones, whose TXT is all theirs.
  func isSPFOnly(_ name: DNSName) -> Bool {
    RecordSetComparison.family(of: "", at: name) == "other"
  }

  private func closestDomain(_ name: DNSName) -> DNSName? {
    var current = name.parent
    while let candidate = current {
      if domains.contains(candidate) { return candidate }
      current = candidate.parent
    }
    return nil
  }
}
