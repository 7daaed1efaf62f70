import MailZoneDNS
import MailZoneNet

/// Every DNS answer one lookup tree needs, gathered before the tree is judged.
struct SPFTreeAnswers: Sendable {
  /// A TXT answer and the record selection over it.
  struct Record: Sendable {
    var answer: DNSAnswer<TXTData>
    var lookup: SPFRecordLookup
    /// The record's terms in evaluation order, when it has one (found or malformed).
    var terms: [SPFTreeTermSpec]?
  }

  var records: [DNSName: Record] = [:]
  var addresses: [DNSName: DNSAnswer<IPv4Address>] = [:]
  var exchangers: [DNSName: DNSAnswer<MXData>] = [:]
  /// Typed lookups asked of the resolver.
  var queries = 0
  /// Some question was not asked because the query budget ran out.
  var exhausted = false
}

/// Gathers a tree's answers breadth first, one depth at a time, asking each distinct question
/// once and several at a time. Asking by name, not by path, keeps a graph that includes the same
/// record from many places (or itself) to one query per name.
struct SPFTreeFetcher {
  let resolver: any Resolver
  let budget: SPFLookupTree.Budget

  func fetch(_ root: DNSName) async -> SPFTreeAnswers {
    var answers = SPFTreeAnswers()
    var layer = [root]
    var depth = 0
    while !layer.isEmpty {
      await fetchRecords(layer, into: &answers)
      // The records of this layer are walked down to maximumDepth, so their targets are needed;
      // one layer deeper only the TXT answers matter: an include there is counted and judged
      // (void, no record) but not followed.
      guard depth <= budget.maximumDepth else { break }
      var next = UniqueNames()
      var addresses = UniqueNames()
      var exchangers = UniqueNames()
      for name in layer {
        for term in answers.records[name]?.terms ?? [] {
          switch term.action {
          case .include(.name(let target)), .redirect(.name(let target)):
            if answers.records[target] == nil { next.append(target) }
          case .address(.name(let target)):
            if answers.addresses[target] == nil { addresses.append(target) }
          case .mailExchangers(.name(let target)):
            if answers.exchangers[target] == nil { exchangers.append(target) }
          default:
            break
          }
        }
      }
      await fetchAddresses(addresses.names, into: &answers)
      await fetchExchangers(exchangers.names, into: &answers)
      layer = next.names
      depth += 1
    }
    return answers
  }

  private func fetchRecords(_ names: [DNSName], into answers: inout SPFTreeAnswers) async {
    let resolver = self.resolver
    let allowed = take(names, from: &answers)
    for (name, answer) in await Self.gather(allowed, width: budget.concurrency, { await resolver.txt($0) }) {
      let lookup = SPFRecordSource.select(answer)
      answers.records[name] = SPFTreeAnswers.Record(
        answer: answer, lookup: lookup, terms: SPFTreeRecordTerms.terms(of: lookup, domain: name))
    }
  }

  private func fetchAddresses(_ names: [DNSName], into answers: inout SPFTreeAnswers) async {
    let resolver = self.resolver
    let allowed = take(names, from: &answers)
    for (name, answer) in await Self.gather(allowed, width: budget.concurrency, { await resolver.a($0) }) {
      answers.addresses[name] = answer
    }
  }

  private func fetchExchangers(_ names: [DNSName], into answers: inout SPFTreeAnswers) async {
    let resolver = self.resolver
    let allowed = take(names, from: &answers)
    for (name, answer) in await Self.gather(allowed, width: budget.concurrency, { await resolver.mx($0) }) {
      answers.exchangers[name] = answer
    }
  }

  /// The names the query budget still allows, charged to it.
  private func take(_ names: [DNSName], from answers: inout SPFTreeAnswers) -> [DNSName] {
    let room = max(0, budget.maximumQueries - answers.queries)
    if names.count > room { answers.exhausted = true }
    let allowed = Array(names.prefix(room))
    answers.queries += allowed.count
    return allowed
  }

  /// Runs `body` for every name, at most `width` at a time; results in input order.
  static func gather<T: Sendable>(
    _ names: [DNSName], width: Int, _ body: @escaping @Sendable (DNSName) async -> T
  ) async -> [(DNSName, T)] {
    await withTaskGroup(of: (Int, T).self) { group in
      var results = [T?](repeating: nil, count: names.count)
      var next = 0
      func start() {
        let index = next
        group.addTask { (index, await body(names[index])) }
        next += 1
      }
      while next < min(max(width, 1), names.count) { start() }
      for await (index, value) in group {
        results[index] = value
        if next < names.count { start() }
      }
      return zip(names, results).compactMap { name, value in value.map { (name, $0) } }
    }
  }
}

/// Names in first-seen order without repeats (DNSName compares case-insensitively).
struct UniqueNames {
  private(set) var names: [DNSName] = []
  private var seen: Set<DNSName> = []

  mutating func append(_ name: DNSName) {
    if seen.insert(name).inserted { names.append(name) }
  }
}
