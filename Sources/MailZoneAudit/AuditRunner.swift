public import MailZoneDNS

/// Audits domains: collect a snapshot through the run's shared cache, then run every check.
public struct AuditRunner: Sendable {
  public let cache: CachingResolver
  public let options: AuditOptions
  public let checks: [any Check]

  public init(cache: CachingResolver, options: AuditOptions = AuditOptions(), checks: [any Check] = CheckRegistry.all) {
    self.cache = cache
    self.options = options
    self.checks = checks
  }

  public func audit(_ domain: DNSName) async -> AuditReport {
    let clock = ContinuousClock()
    let start = clock.now
    let scope = cache.scope(for: domain)
    let snapshot = await DomainSnapshot.collect(
      domain, context: CollectionContext(resolver: scope, options: options))
    // The snapshot holds what the checks need; the domain's own answers can leave the cache.
    scope.end()
    let findings = AuditRunner.evaluate(snapshot, checks: checks)
    return AuditReport(
      snapshot: snapshot, findings: findings, queries: scope.upstreamQueries, elapsed: clock.now - start)
  }

  /// Runs checks over a snapshot; findings ordered by severity (errors first), then check order.
  /// For a domain that does not exist only `domain.nonexistent` runs: the rest would just say that
  /// every record is missing.
  public static func evaluate(_ snapshot: DomainSnapshot, checks: [any Check]) -> [Finding] {
    let applicable = snapshot.domainExists ? checks : checks.filter { $0 is NonexistentDomainCheck }
    let findings = applicable.flatMap { $0.evaluate(snapshot) }
    return findings.enumerated().sorted {
      $0.element.severity != $1.element.severity ? $0.element.severity > $1.element.severity : $0.offset < $1.offset
    }.map(\.element)
  }
}

/// One domain's audit: what was collected, what the checks found, what it cost.
public struct AuditReport: Sendable {
  public var snapshot: DomainSnapshot
  public var findings: [Finding]
  /// DNS questions this domain sent on the wire (cache hits from earlier domains excluded).
  public var queries: Int
  public var elapsed: Duration

  public var domain: DNSName { snapshot.domain }
  /// False when a query failed, so some checks could not judge, or the domain does not exist (exit 2).
  public var isComplete: Bool { snapshot.failures.isEmpty && snapshot.domainExists }

  /// The most severe finding, if any.
  public var worstSeverity: Severity? { findings.map(\.severity).max() }
}
