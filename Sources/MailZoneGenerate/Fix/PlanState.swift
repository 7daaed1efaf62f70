import MailZoneAudit
import MailZoneDNS

/// What a ``FixPlanner`` has decided so far: the records of each slot and why.
struct PlanState {
  private(set) var records: [FixSlot: [ResourceRecord]] = [:]
  private var order: [FixSlot] = []
  private var resolves: [FixSlot: [Finding]] = [:]
  private var superseded: [FixSlot: [Finding]] = [:]
  private var unreadableFixes: [(Finding, String)] = []
  private var unreadableKeys: Set<FindingKey> = []

  mutating func unreadable(_ finding: Finding, _ reason: String) {
    if unreadableKeys.insert(FindingKey(finding)).inserted { unreadableFixes.append((finding, reason)) }
  }

  /// Takes, for each slot, the most severe proposal that changes it; false when nothing changed.
  mutating func apply(_ proposals: [Proposal]) -> Bool {
    var slots: [FixSlot] = []
    for proposal in proposals {
      for record in proposal.records where !slots.contains(FixSlot(record)) { slots.append(FixSlot(record)) }
    }
    var changed = false
    for slot in slots {
      let published = Set(records[slot] ?? [])
      let pending = proposals.filter { !$0.records(in: slot).isEmpty && Set($0.records(in: slot)) != published }
      guard let winner = pending.first else { continue }
      var chosen = winner.records(in: slot)
      var winners = [winner.finding]
      for other in pending.dropFirst() {
        let theirs = other.records(in: slot)
        if Set(theirs) == Set(chosen) {
          winners.append(other.finding)
        } else if slot.isMultiValued, other.finding.checkID == winner.finding.checkID {
          // One check's findings about several exchanges (or addresses) of one name add up.
          chosen += theirs.filter { !chosen.contains($0) }
          winners.append(other.finding)
        } else {
          superseded[slot, default: []].append(other.finding)
        }
      }
      if records[slot] == nil { order.append(slot) }
      records[slot] = chosen
      resolves[slot, default: []] += winners
      changed = true
    }
    return changed
  }

  /// The plan, judged by `final`: the audit with every change applied.
  func plan(original: AuditReport, final: AuditReport) -> FixPlan {
    let remaining = Set(final.findings.map(FindingKey.init))
    let fixedBefore = Set(original.findings.filter { $0.fix != nil }.map { [$0.checkID, $0.subject] })
    var claimed: Set<FindingKey> = []
    var changes: [FixPlan.Change] = []
    for slot in order {
      let resolved = (resolves[slot] ?? []).filter {
        !remaining.contains(FindingKey($0)) && claimed.insert(FindingKey($0)).inserted
      }
      changes.append(
        FixPlan.Change(
          slot: slot, records: (records[slot] ?? []).map { ZoneRecord($0) }, resolves: resolved,
          superseded: []))
    }
    // A superseded fix is worth mentioning only where no later change resolved its finding.
    for index in changes.indices {
      changes[index].superseded = (superseded[changes[index].slot] ?? []).filter {
        remaining.contains(FindingKey($0)) && !claimed.contains(FindingKey($0))
      }.uniqued()
    }
    let stillOpen = final.findings.filter {
      $0.fix != nil || fixedBefore.contains([$0.checkID, $0.subject])
    }
    let before = Set(original.findings.map { [$0.checkID, $0.subject] })
    let introduced = final.findings.filter { $0.severity == .error && !before.contains([$0.checkID, $0.subject]) }
    return FixPlan(
      domain: original.domain, changes: changes, stillOpen: stillOpen, introduced: introduced,
      unreadable: unreadableFixes.map { (finding: $0.0, reason: $0.1) },
      isComplete: original.isComplete && final.isComplete)
  }
}

extension Array where Element == Finding {
  /// The findings without repeats, in order.
  func uniqued() -> [Finding] {
    var seen: Set<FindingKey> = []
    return filter { seen.insert(FindingKey($0)).inserted }
  }
}
