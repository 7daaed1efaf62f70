import MailZoneDNS

extension CheckExample {
  /// Audits the example's zones offline with `check` alone and returns its findings.
  ///
  /// - Throws: `ZoneFileError` when the example's zone text is broken (a bug in the example).
  /// `domain` is read as a line of a domain list is: a line that names no domain yields the
  /// `input.malformed-domain` finding (and nothing from any other check).
  public func findings(of check: any Check) async throws -> [Finding] {
    let name: DNSName
    switch DomainInput.name(domain) {
    case .success(let parsed): name = parsed
    case .failure(let rejection):
      guard let input = check as? MalformedDomainCheck else { return [] }
      return input.evaluate(input: domain, line: nil, reason: rejection.text)
    }
    var files = [try ZoneFile(text: zone, path: "\(domain) example")]
    for (index, extra) in extraZones.enumerated() {
      files.append(try ZoneFile(text: extra, path: "\(domain) extra zone \(index + 1)"))
    }
    let cache = CachingResolver(upstream: ZoneFileResolver(files: files))
    let options = AuditOptions(selectors: selectors)
    let snapshot = await DomainSnapshot.collect(name, context: CollectionContext(resolver: cache, options: options))
    return check.evaluate(snapshot)
  }
}
