public import MailZoneAudit
public import MailZoneDNS

/// Turns an audit's fixes into one ``FixPlan``: the records to publish so that the findings go away.
///
/// Fixes are written by each check against the records as published, so two findings about one
/// record (an SPF record with both `ptr` and `~all`) propose two different replacements. The
/// planner applies the fix of the most severe finding for each slot, audits again as if it were
/// published (through a ``FixOverlayResolver``), and repeats with the fixes written against the new
/// records until no finding proposes anything new. Every change is checked by that last audit:
/// what it does not resolve is reported as still open, never claimed as resolved.
///
/// An SPF record over the 10-lookup limit has no one-line fix: its fix is the ``SPFFlattener``'s
/// records (the domain's record and its chain), used only when they fit and are proven to
/// authorize the same senders.
public struct FixPlanner: Sendable {
  public let cache: CachingResolver
  public let options: AuditOptions
  public let checks: [any Check]
  /// Audits after the first; each can only add changes, so this bounds a plan that does not settle.
  public static let maxRounds = 6

  public init(cache: CachingResolver, options: AuditOptions = AuditOptions(), checks: [any Check] = CheckRegistry.all) {
    self.cache = cache
    self.options = options
    self.checks = checks
  }

  /// The plan for the domain of `report`, an audit made through `cache`.
  public func plan(_ report: AuditReport) async -> FixPlan {
    var state = PlanState()
    var current = report
    for _ in 0..<Self.maxRounds {
      let proposals = await proposals(current.findings, domain: report.domain, into: &state)
      let published = await publishedSets(proposals, state: state)
      guard state.apply(proposals, published: published) else { break }
      let overlay = CachingResolver(upstream: FixOverlayResolver(upstream: cache, records: state.records))
      current = await AuditRunner(cache: overlay, options: options, checks: checks).audit(report.domain)
    }
    return state.plan(
      domain: report.domain, original: report.findings, final: current.findings,
      isComplete: report.isComplete && current.isComplete)
  }

  /// The records now published (with the plan so far) in the multi-valued slots `proposals` touch.
  private func publishedSets(_ proposals: [Proposal], state: PlanState) async -> [FixSlot: [ResourceRecord]] {
    let slots = Set(proposals.flatMap { $0.records.map(FixSlot.init) }.filter(\.isMultiValued))
    let resolver = FixOverlayResolver(upstream: cache, records: state.records)
    var sets: [FixSlot: [ResourceRecord]] = [:]
    for slot in slots {
      let response = await resolver.query(slot.owner, slot.type)
      guard response.failure == nil, [DNSResponse.noError, DNSResponse.nxDomain].contains(response.rcode) else {
        continue
      }
      sets[slot] = response.answer.filter { slot.covers($0) }
    }
    return sets
  }

  /// Each fixable finding's records by slot, in report order (most severe first).
  private func proposals(_ findings: [Finding], domain: DNSName, into state: inout PlanState) async -> [Proposal] {
    var proposals: [Proposal] = []
    for finding in findings {
      guard let fix = finding.fix else {
        if finding.checkID == SPFLookupLimitCheck.description.id, let records = await flattened(domain, state) {
          proposals.append(Proposal(finding: finding, records: records))
        }
        continue
      }
      do {
        let records = try FixLines.parse(fix)
        guard !records.isEmpty else {
          state.unreadable(finding, "it holds no record")
          continue
        }
        proposals.append(Proposal(finding: finding, records: records))
      } catch {
        state.unreadable(finding, "\(error)")
      }
    }
    return proposals
  }

  /// The flattened SPF records of `domain` as the plan so far publishes it: the domain's record
  /// first, then its chain. Nil when they do not fit the budgets or are not proven equivalent.
  private func flattened(_ domain: DNSName, _ state: PlanState) async -> [ResourceRecord]? {
    let resolver = CachingResolver(upstream: FixOverlayResolver(upstream: cache, records: state.records))
    let flattener = SPFFlattener(resolver: resolver)
    guard let (flattening, proof) = try? await flattener.flattenAndProve(domain),
      flattening.isPublishable(with: proof)
    else { return nil }
    return flattening.resourceRecords
  }
}

/// One finding's fix, read back as records.
struct Proposal {
  var finding: Finding
  var records: [ResourceRecord]

  func records(in slot: FixSlot) -> [ResourceRecord] { records.filter { FixSlot($0) == slot } }
}

/// Identifies a finding across audits: the same check, subject and message.
struct FindingKey: Hashable {
  var checkID: String
  var subject: String
  var message: String

  init(_ finding: Finding) {
    checkID = finding.checkID
    subject = finding.subject
    message = finding.message
  }
}
