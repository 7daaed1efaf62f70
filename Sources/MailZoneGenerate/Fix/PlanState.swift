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

  /// Applies one audit's proposals; false when nothing changed. `published` holds the current
  /// records of every multi-valued slot the proposals touch.
  mutating func apply(_ proposals: [Proposal], published: [FixSlot: [ResourceRecord]]) -> Bool {
    var slots: [FixSlot] = []
    for proposal in proposals {
      for record in proposal.records where !slots.contains(FixSlot(record)) { slots.append(FixSlot(record)) }
    }
    var changed = false
    for slot in slots {
      let result: ([ResourceRecord], [Finding])?
      if slot.isMultiValued {
        // Without the published set (its query failed) a rewrite could drop members: leave it.
        guard let current = records[slot] ?? published[slot] else { continue }
        result = mergeSet(slot, proposals, current: current)
      } else {
        result = chooseOne(slot, proposals)
      }
      guard let (chosen, winners) = result else { continue }
      if records[slot] == nil { order.append(slot) }
      records[slot] = chosen
      resolves[slot, default: []] += winners
      changed = true
    }
    return changed
  }

  /// A name holds one record of a kind: the most severe proposal that changes it wins, the rest
  /// wait for the next audit, which writes their fixes against the winner.
  private mutating func chooseOne(_ slot: FixSlot, _ proposals: [Proposal]) -> ([ResourceRecord], [Finding])? {
    let current = Set(records[slot] ?? [])
    let pending = proposals.filter { !$0.records(in: slot).isEmpty && Set($0.records(in: slot)) != current }
    guard let winner = pending.first else { return nil }
    let chosen = winner.records(in: slot)
    var winners = [winner.finding]
    for other in pending.dropFirst() {
      if Set(other.records(in: slot)) == Set(chosen) {
        winners.append(other.finding)
      } else {
        superseded[slot, default: []].append(other.finding)
      }
    }
    return (chosen, winners)
  }

  /// An RRset of exchanges or addresses: each proposal takes out the record its finding is about
  /// (`10 mail.example.com.`) and adds its own; the others stay. One TTL for the set (RFC 2181 §5.2).
  private func mergeSet(
    _ slot: FixSlot, _ proposals: [Proposal], current: [ResourceRecord]
  ) -> ([ResourceRecord], [Finding])? {
    let pending = proposals.filter { proposal in
      let theirs = proposal.records(in: slot)
      return !theirs.isEmpty && !theirs.allSatisfy { record in current.contains { $0.data == record.data } }
    }
    guard let ttl = pending.first?.records(in: slot).first?.ttl else { return nil }
    let replaced = Set(pending.compactMap(\.finding.record))
    var chosen = current.filter { !replaced.contains($0.data.presentation) }
    for record in pending.flatMap({ $0.records(in: slot) }) where !chosen.contains(where: { $0.data == record.data }) {
      chosen.append(record)
    }
    return (
      chosen.map { ResourceRecord(owner: $0.owner, type: $0.type, ttl: ttl, data: $0.data) }, pending.map(\.finding)
    )
  }

  /// The plan, judged by `final`: the findings of the audit with every change applied.
  func plan(domain: DNSName, original: [Finding], final: [Finding], isComplete: Bool) -> FixPlan {
    let remaining = Set(final.map(FindingKey.init))
    let fixedBefore = Set(original.filter { $0.fix != nil }.map { [$0.checkID, $0.subject] })
    var claimed: Set<FindingKey> = []
    var changes: [FixPlan.Change] = []
    for slot in order {
      // A fix can span slots (a flattened SPF record and its chain): the first change claims the
      // finding, the others are part of it.
      var resolved: [Finding] = []
      var partOf: [Finding] = []
      for finding in resolves[slot] ?? [] where !remaining.contains(FindingKey(finding)) {
        if claimed.insert(FindingKey(finding)).inserted { resolved.append(finding) } else { partOf.append(finding) }
      }
      changes.append(
        FixPlan.Change(
          slot: slot, records: (records[slot] ?? []).map { ZoneRecord($0) }, resolves: resolved,
          partOf: partOf.uniqued(), superseded: []))
    }
    // A superseded fix is worth mentioning only where no later change resolved its finding.
    for index in changes.indices {
      changes[index].superseded = (superseded[changes[index].slot] ?? []).filter {
        remaining.contains(FindingKey($0)) && !claimed.contains(FindingKey($0))
      }.uniqued()
    }
    let stillOpen = final.filter {
      $0.fix != nil || fixedBefore.contains([$0.checkID, $0.subject])
    }
    let open = Set(stillOpen.map(FindingKey.init))
    let noFix = final.filter { $0.severity >= .warning && !open.contains(FindingKey($0)) }
    let before = Set(original.map { [$0.checkID, $0.subject] })
    let introduced = final.filter { $0.severity == .error && !before.contains([$0.checkID, $0.subject]) }
    return FixPlan(
      domain: domain, changes: changes, stillOpen: stillOpen, noFix: noFix, introduced: introduced,
      unreadable: unreadableFixes.map { (finding: $0.0, reason: $0.1) },
      isComplete: isComplete)
  }
}

extension Array where Element == Finding {
  /// The findings without repeats, in order.
  func uniqued() -> [Finding] {
    var seen: Set<FindingKey> = []
    return filter { seen.insert(FindingKey($0)).inserted }
  }
}
