import MailZoneDNS

extension SPFTreeWalker {
  /// The name a term looks at, or nil when it cannot be known (macros) or is no name.
  mutating func literal(_ target: SPFTreeTarget, _ term: inout SPFTreeTerm, at location: SPFTreeLocation) -> DNSName? {
    switch target {
    case .name(let name):
      term.target = name.description
      return name
    case .macro(let text):
      term.target = text
      term.ipDependent = true
      ipDependentVoids += 1
      add(
        .ipDependent, .info, location,
        "'\(term.text)' has macros: the name it queries depends on the client, so it is counted but not followed")
      return nil
    case .invalid(let text):
      term.target = text
      markVoid(&term, at: location, "'\(text)' is not a valid dns name")
      return nil
    }
  }

  /// `a` and `exists`: void when there is no A record.
  mutating func address(_ name: DNSName, _ term: inout SPFTreeTerm, at location: SPFTreeLocation) {
    guard let answer = conclusive(answers.addresses[name], "A", name, &term, at: location) else { return }
    if answer.records.isEmpty { markVoid(&term, at: location, "\(name) has no A record (\(answer.status))") }
  }

  /// `mx`: void when there is no MX record; more than 10 names is permerror.
  mutating func exchangers(_ name: DNSName, _ term: inout SPFTreeTerm, at location: SPFTreeLocation) {
    guard let answer = conclusive(answers.exchangers[name], "MX", name, &term, at: location) else { return }
    term.mxNames = answer.records.count
    if answer.records.isEmpty { markVoid(&term, at: location, "\(name) has no MX record (\(answer.status))") }
    if answer.records.count > limits.mxNames {
      add(
        .tooManyMXNames, .error, location,
        "\(name) has \(answer.records.count) mx names; more than \(limits.mxNames) is a permerror (rfc 7208 §4.6.4)")
    }
  }

  /// What the fetcher got for a target; nil, with the term cut short, when the query budget ran
  /// out before it was asked.
  private mutating func fetched<Answer>(
    _ answer: Answer?, _ term: inout SPFTreeTerm, at location: SPFTreeLocation
  ) -> Answer? {
    guard let answer else {
      term.truncated = true
      cut(location, "the query budget (\(budget.maximumQueries)) ran out")
      return nil
    }
    return answer
  }

  /// A fetched answer that settles the term; nil when the budget cut it or the query failed.
  private mutating func conclusive<Record>(
    _ answer: DNSAnswer<Record>?, _ type: String, _ name: DNSName, _ term: inout SPFTreeTerm,
    at location: SPFTreeLocation
  ) -> DNSAnswer<Record>? {
    guard let answer = fetched(answer, &term, at: location) else { return nil }
    guard answer.status.isConclusive else {
      dnsFailure(answer.status, type, name, &term, at: location)
      return nil
    }
    return answer
  }

  private mutating func dnsFailure(
    _ status: DNSStatus, _ type: String, _ name: DNSName, _ term: inout SPFTreeTerm, at location: SPFTreeLocation
  ) {
    term.dnsError = status
    failed(status, "the \(type) query for \(name)", at: location)
  }

  /// A query without a conclusive answer: a DNS failure (temperror, the tree is incomplete), or
  /// for zone files a name outside the loaded zones, which is unknown rather than failed (as the
  /// audit treats it): a warning, and the tree's validity is left open.
  mutating func failed(_ status: DNSStatus, _ query: String, at location: SPFTreeLocation) {
    if status == .outsideZones {
      add(.outsideZones, .warning, location, "\(query) is outside the loaded zone files: unknown, not followed")
    } else {
      add(.dnsError, .inconclusive, location, "\(query) failed (\(status)): temperror")
    }
  }

  /// `include` and `redirect`: the target's record as a child node, walked unless it loops, is
  /// too deep, or the budget is spent. Checks run in the benchmark's order: void first, then no
  /// record, several records, loop, depth.
  mutating func follow(
    _ target: SPFTreeTarget, edge: SPFTreeNode.Edge, _ term: inout SPFTreeTerm, at location: SPFTreeLocation,
    depth: Int, path: [DNSName]
  ) -> SPFTreeNode? {
    let code: SPFTreeProblem.Code = edge == .include ? .includeWithoutRecord : .redirectWithoutRecord
    let section = edge == .include ? "5.2" : "6.1"
    guard let name = literal(target, &term, at: location) else {
      if case .invalid(let text) = target {
        add(
          code, .error, location,
          "'\(text)' is not a dns name, so it has no spf record: permerror (rfc 7208 §\(section))")
      }
      return nil
    }
    guard let record = fetched(answers.records[name], &term, at: location) else { return nil }
    guard nodeCount < budget.maximumNodes else {
      term.truncated = true
      cut(location, "the tree has more than \(budget.maximumNodes) records")
      return nil
    }
    let status = Self.status(record.lookup)
    switch record.lookup {
    case .none(let void, let dnsStatus):
      if void { markVoid(&term, at: location, "\(name) has no TXT record (\(dnsStatus))") }
      add(
        code, .error, location,
        "\(name) has no spf record: \(edge.rawValue) of it is a permerror (rfc 7208 §\(section))")
      return leaf(name, record, depth: depth + 1, edge: edge, status: status)
    case .multiple(let texts):
      add(.multipleRecords, .error, location, "\(name) has \(texts.count) spf records: permerror (rfc 7208 §4.5)")
      return leaf(name, record, depth: depth + 1, edge: edge, status: status)
    case .dnsError(let dnsStatus):
      failed(dnsStatus, "the txt query for \(name)", at: location)
      return leaf(name, record, depth: depth + 1, edge: edge, status: status)
    case .found, .malformed:
      break
    }
    if path.contains(name) {
      add(.loop, .error, location, "\(name) is already being evaluated: an \(edge.rawValue) loop, permerror")
      return leaf(name, record, depth: depth + 1, edge: edge, status: .loop)
    }
    guard depth < budget.maximumDepth else {
      add(.tooDeep, .error, location, "\(name) is more than \(budget.maximumDepth) includes deep: not followed")
      return leaf(name, record, depth: depth + 1, edge: edge, status: .notFollowed(.tooDeep))
    }
    return walk(name, record, depth: depth + 1, edge: edge, path: path)
  }

  /// The tree-wide limits, once the walk is over.
  func limitProblems(root: SPFTreeNode, exhausted: Bool) -> [SPFTreeProblem] {
    var out: [SPFTreeProblem] = []
    if lookups > limits.dnsMechanisms, let overflow {
      out.append(
        SPFTreeProblem(
          .tooManyLookups, .error, at: overflow,
          "the spf record needs \(lookups) dns lookups; receivers stop at \(limits.dnsMechanisms) and return permerror (rfc 7208 §4.6.4)"
        ))
    }
    if voids > limits.voidLookups, let voidOverflow {
      out.append(
        SPFTreeProblem(
          .tooManyVoidLookups, .error, at: voidOverflow,
          "\(voids) lookups find nothing; more than \(limits.voidLookups) void lookups is a permerror (rfc 7208 §4.6.4)"
        ))
    }
    if exhausted, !truncated {
      out.append(
        SPFTreeProblem(
          .truncated, .error, at: SPFTreeLocation(node: root.id, domain: root.domain),
          "the query budget (\(budget.maximumQueries)) ran out: the counts are lower bounds"))
    }
    return out
  }
}
