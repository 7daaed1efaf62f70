import MailZoneDNS

extension CheckExample {
  /// Audits the example's zones offline with `check` alone and returns its findings.
  ///
  /// - Throws: `ZoneFileError` when the example's zone text is broken (a bug in the example).
  public func findings(of check: any Check) async throws -> [Finding] {
    var files = [try ZoneFile(text: zone, path: "\(domain) example")]
    for (index, extra) in extraZones.enumerated() {
      files.append(try ZoneFile(text: extra, path: "\(domain) extra zone \(index + 1)"))
    }
    let cache = CachingResolver(upstream: ZoneFileResolver(files: files))
    let name = try DNSName(domain)
    let options = AuditOptions(selectors: selectors)
    let snapshot = await DomainSnapshot.collect(name, context: CollectionContext(resolver: cache, options: options))
    return check.evaluate(snapshot)
  }
}
