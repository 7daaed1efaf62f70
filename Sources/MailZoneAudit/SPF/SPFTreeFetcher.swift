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
      await fetchTargets(addresses: addresses.names, exchangers: exchangers.names, into: &answers)
      layer = next.names
      depth += 1
    }
    return answers
  }

  private func fetchRecords(_ names: [DNSName], into answers: inout SPFTreeAnswers) async {
    let allowed = take(names, from: &answers)
    for (name, answer) in await batches(allowed.map { DNSQuestion($0, .txt) }) {
      let txt = answer.map { if case .txt(let t) = $0.data { t } else { nil } }
      let lookup = SPFRecordSource.select(txt)
      answers.records[name] = SPFTreeAnswers.Record(
        answer: txt, lookup: lookup, terms: SPFTreeRecordTerms.terms(of: lookup, domain: name))
    }
  }

  /// The A answers of `a`/`exists` targets and the MX answers of `mx` targets, asked together.
  private func fetchTargets(
    addresses: [DNSName], exchangers: [DNSName], into answers: inout SPFTreeAnswers
  ) async {
    let questions =
      take(addresses, from: &answers).map { DNSQuestion($0, .a) }
      + take(exchangers, from: &answers).map { DNSQuestion($0, .mx) }
    for (name, answer) in await batches(questions) {
      switch answer.type {
      case .a: answers.addresses[name] = answer.map { if case .a(let v) = $0.data { v } else { nil } }
      default: answers.exchangers[name] = answer.map { if case .mx(let m) = $0.data { m } else { nil } }
      }
    }
  }

  /// Looks up `questions` in batches of at most `budget.concurrency`; answers in question order.
  private func batches(_ questions: [DNSQuestion]) async -> [(DNSName, DNSAnswer<ResourceRecord>)] {
    var results: [(DNSName, DNSAnswer<ResourceRecord>)] = []
    var start = 0
    while start < questions.count {
      let batch = Array(questions[start..<min(start + max(budget.concurrency, 1), questions.count)])
      results += zip(batch.map(\.name), await resolver.lookupAll(batch))
      start += batch.count
    }
    return results
  }

  /// The names the query budget still allows, charged to it.
  private func take(_ names: [DNSName], from answers: inout SPFTreeAnswers) -> [DNSName] {
    let room = max(0, budget.maximumQueries - answers.queries)
    if names.count > room { answers.exhausted = true }
    let allowed = Array(names.prefix(room))
    answers.queries += allowed.count
    return allowed
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
