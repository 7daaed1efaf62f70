import MailZoneDNS
import MailZoneRecords

/// Walks gathered answers in evaluation order, counting as it goes. Pure: no DNS.
struct SPFTreeWalker {
  let answers: SPFTreeAnswers
  let limits: SPFLimits
  let budget: SPFLookupTree.Budget

  var lookups = 0
  var voids = 0
  var ipDependentVoids = 0
  var nodeCount = 0
  var termCount = 0
  var problems: [SPFTreeProblem] = []
  var lastAllowed: SPFTreeLocation?
  var overflow: SPFTreeLocation?
  var voidOverflow: SPFTreeLocation?
  var truncated = false

  init(answers: SPFTreeAnswers, limits: SPFLimits, budget: SPFLookupTree.Budget) {
    self.answers = answers
    self.limits = limits
    self.budget = budget
  }

  mutating func walkRoot(_ domain: DNSName) -> SPFTreeNode {
    guard let record = answers.records[domain] else {
      cut(SPFTreeLocation(node: 0, domain: domain), "the query budget (\(budget.maximumQueries)) allows no question")
      nodeCount += 1
      return SPFTreeNode(id: 0, domain: domain, depth: 0, edge: .root, status: .notFollowed(.queryBudget))
    }
    let node = walk(domain, record, depth: 0, edge: .root, path: [])
    let here = SPFTreeLocation(node: 0, domain: domain)
    switch record.lookup {
    case .none:
      add(.noRecord, .error, here, "\(domain) has no spf record: check_host returns none (rfc 7208 §4.5)")
    case .multiple(let texts):
      add(
        .multipleRecords, .error, here,
        "\(domain) has \(texts.count) spf records: check_host returns permerror (rfc 7208 §4.5)")
    case .dnsError(let status):
      failed(status, "the txt query for \(domain)", at: here)
    case .found, .malformed:
      break
    }
    return node
  }

  /// A node for a fetched record, with its terms walked when it has any.
  mutating func walk(
    _ domain: DNSName, _ record: SPFTreeAnswers.Record, depth: Int, edge: SPFTreeNode.Edge, path: [DNSName]
  ) -> SPFTreeNode {
    var node = leaf(domain, record, depth: depth, edge: edge, status: Self.status(record.lookup))
    guard let specs = record.terms else { return node }
    if case .malformed(let error, _) = record.lookup {
      add(
        .malformedRecord, .error, SPFTreeLocation(node: node.id, domain: domain, offset: error.offset),
        "the spf record of \(domain) does not parse: \(error.message)")
    }
    let inner = path + [domain]
    for spec in specs {
      guard termCount < budget.maximumTerms else {
        cut(SPFTreeLocation(node: node.id, domain: domain), "the tree has more than \(budget.maximumTerms) terms")
        break
      }
      termCount += 1
      let location = SPFTreeLocation(node: node.id, domain: domain, term: spec.text, offset: spec.offset)
      node.terms.append(term(spec, at: location, depth: depth, path: inner))
    }
    return node
  }

  /// A node without terms (yet), numbered in preorder.
  mutating func leaf(
    _ domain: DNSName, _ record: SPFTreeAnswers.Record, depth: Int, edge: SPFTreeNode.Edge,
    status: SPFTreeNode.Status
  ) -> SPFTreeNode {
    let spf = record.answer.records.filter { SPFRecord.isSPF(bytes: $0.joined) }
    let id = nodeCount
    nodeCount += 1
    return SPFTreeNode(
      id: id, domain: domain, depth: depth, edge: edge, status: status, records: spf.map(\.text),
      strings: spf.first?.strings.map(\.count) ?? [])
  }

  static func status(_ lookup: SPFRecordLookup) -> SPFTreeNode.Status {
    switch lookup {
    case .found: .found
    case .malformed(let error, _): .malformed(error)
    case .none(let void, let status): .none(void: void, status: status)
    case .multiple(let texts): .multiple(texts.count)
    case .dnsError(let status): .dnsError(status)
    }
  }

  /// One term: its cost, what its lookup found, and the subtree it leads to.
  private mutating func term(
    _ spec: SPFTreeTermSpec, at location: SPFTreeLocation, depth: Int, path: [DNSName]
  ) -> SPFTreeTerm {
    // Running totals as the term itself is evaluated, before anything below it.
    var term = SPFTreeTerm(
      text: spec.text, offset: spec.offset, name: spec.name, lookups: lookups, voidLookups: voids,
      afterAll: spec.afterAll)
    if spec.afterAll {
      add(.afterAll, .warning, location, "'\(spec.text)' comes after 'all': never evaluated, still counted here")
    }
    if spec.action.cost > 0 { count(&term, at: location) }
    switch spec.action {
    case .free:
      break
    case .syntaxError(let message):
      term.syntaxError = message
    case .ignoredRedirect:
      term.ignored = true
      add(.ignoredRedirect, .info, location, "'\(spec.text)' is ignored: the record has 'all' (rfc 7208 §6.1)")
    case .pointer:
      term.ipDependent = true
      ipDependentVoids += 1
      add(.ipDependent, .info, location, "'\(spec.text)' looks up the client ip's ptr names: cost known, result not")
    case .address(let target):
      if let name = literal(target, &term, at: location) { address(name, &term, at: location) }
    case .mailExchangers(let target):
      if let name = literal(target, &term, at: location) { exchangers(name, &term, at: location) }
    case .include(let target):
      term.child = follow(target, edge: .include, &term, at: location, depth: depth, path: path)
    case .redirect(let target):
      term.child = follow(target, edge: .redirect, &term, at: location, depth: depth, path: path)
    }
    return term
  }

  /// Spends one lookup, noting the last allowed one and the first over the limit.
  private mutating func count(_ term: inout SPFTreeTerm, at location: SPFTreeLocation) {
    term.cost = 1
    lookups += 1
    term.lookups = lookups
    if lookups == limits.dnsMechanisms { lastAllowed = location }
    if lookups == limits.dnsMechanisms + 1 { overflow = location }
  }

  /// Counts a void lookup, noting the first over the limit.
  mutating func markVoid(_ term: inout SPFTreeTerm, at location: SPFTreeLocation, _ why: String) {
    term.void = true
    voids += 1
    term.voidLookups = voids
    if voids == limits.voidLookups + 1 { voidOverflow = location }
    add(.voidLookup, .warning, location, "'\(term.text)' is a void lookup: \(why) (rfc 7208 §4.6.4)")
  }

  mutating func add(
    _ code: SPFTreeProblem.Code, _ severity: SPFTreeProblem.Severity, _ location: SPFTreeLocation, _ message: String
  ) {
    problems.append(SPFTreeProblem(code, severity, at: location, message))
  }

  /// Notes that a budget stopped the walk (once).
  mutating func cut(_ location: SPFTreeLocation, _ why: String) {
    guard !truncated else { return }
    truncated = true
    add(.truncated, .error, location, "\(why): stopped there, so the counts are lower bounds")
  }
}
