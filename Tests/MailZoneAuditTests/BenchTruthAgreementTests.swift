import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

/// Scores the DKIM and MX facts of `DomainSnapshot` against a bench corpus's `truth.json`,
/// offline (zones loaded with `ZoneFileResolver`). Runs when `MAILZONE_BENCH_CORPUS` names a
/// directory made by `python3 shared/bench/corpus.py --out DIR`; the corpus is not committed.
///
/// Where truth.json differs by convention or by mistake, the case is counted apart, not as a
/// disagreement (see the report of issue 5): a revoked key has `bits: 0` there and no size (`nil`)
/// here; an Ed25519 key is `valid: false` there (its formula asks for ≥ 1024 bits of any key type)
/// and valid here (RFC 8463); a malformed key published without `t=` is `testing: true` there.
@Suite("Bench truth agreement (DKIM, MX)", .enabled(if: BenchCorpus.givenDirectory != nil))
struct BenchTruthAgreementTests {
  @Test("DKIM keys at common selectors and MX facts agree with truth.json on every domain")
  func agreement() async throws {
    let corpus = try #require(BenchCorpus.givenDirectory)
    let truth = try BenchCorpus.truth(corpus)
    let resolver = CachingResolver(upstream: try BenchCorpus.resolver(corpus))
    var score = Score()
    let domains = truth.keys.sorted()
    for start in stride(from: 0, to: domains.count, by: 16) {
      let batch = Array(domains[start..<min(start + 16, domains.count)])
      let snapshots = await withTaskGroup(of: DomainSnapshot?.self) { group in
        for domain in batch {
          group.addTask {
            guard let name = try? DNSName(domain) else { return nil }
            return await DomainSnapshot.collect(name, context: CollectionContext(resolver: resolver))
          }
        }
        var collected: [DomainSnapshot] = []
        for await snapshot in group { if let snapshot { collected.append(snapshot) } }
        return collected
      }
      for snapshot in snapshots {
        let facts = try #require(truth[snapshot.domain.description])
        score.dkim(snapshot, truth: facts["dkim"] as? [[String: Any]] ?? [])
        score.mx(snapshot, truth: facts["mx"] as? [String: Any] ?? [:])
      }
    }
    print(score.summary(domains: domains.count))
    #expect(score.disagreements.isEmpty, "\(score.disagreements.prefix(20))")
    #expect(score.total["dkim key found"] ?? 0 > 0 && score.total["mx hosts"] == domains.count)
  }
}

/// Agreement counts per fact, conventions apart.
struct Score {
  var total: [String: Int] = [:]
  var agreed: [String: Int] = [:]
  var conventions: [String: Int] = [:]
  var disagreements: [String] = []
  var extra: [String] = []
  /// Non-common selectors not found, by shape (digits removed).
  var missedNonCommon: [String: Int] = [:]

  mutating func tally(_ fact: String, _ ok: Bool, _ detail: @autoclosure () -> String) {
    total[fact, default: 0] += 1
    if ok { agreed[fact, default: 0] += 1 } else { disagreements.append("\(fact): \(detail())") }
  }

  mutating func dkim(_ snapshot: DomainSnapshot, truth: [[String: Any]]) {
    let keys = snapshot.dkim.keys
    let domain = snapshot.domain.description
    for expected in truth {
      guard let selector = expected["selector"] as? String else { continue }
      let key = keys.first { $0.selector.lowercased() == selector.lowercased() }
      let common = expected["common"] as? Bool ?? false
      if !common {
        total["non-common key found (not scored)", default: 0] += 1
        guard let key else {
          missedNonCommon[String(selector.filter { !$0.isNumber }.prefix(8)), default: 0] += 1
          continue
        }
        agreed["non-common key found (not scored)", default: 0] += 1
        let same =
          key.keyBits == (expected["bits"] as? Int).flatMap { $0 == 0 ? nil : $0 }
          && key.keyType == expected["key_type"] as? String && key.isRevoked == expected["revoked"] as? Bool
          && key.isTesting == expected["testing"] as? Bool && key.viaCNAME == expected["via_cname"] as? Bool
        tally("non-common found key facts (bits, type, revoked, testing, via_cname)", same, "\(domain) \(selector)")
        continue
      }
      tally("dkim key found", key != nil, "\(domain) \(selector)")
      guard let key else { continue }
      let revoked = expected["revoked"] as? Bool ?? false
      let bits = expected["bits"] as? Int
      if revoked && bits == 0 && key.keyBits == nil {
        conventions["revoked key: bits 0 in truth, null here", default: 0] += 1
      } else {
        tally(
          "dkim key_bits", key.keyBits == bits, "\(domain) \(selector) \(String(describing: key.keyBits)) \(bits ?? -1)"
        )
      }
      tally("dkim key_type", key.keyType == expected["key_type"] as? String, "\(domain) \(selector) \(key.keyType)")
      tally("dkim revoked", key.isRevoked == revoked, "\(domain) \(selector)")
      let testing = expected["testing"] as? Bool ?? false
      if testing && !key.isTesting && expected["malformed"] as? Bool == true && !key.text.contains("t=") {
        // corpus.py's "badb64" template writes no t= tag, but its facts copy the testing flag.
        conventions["truth.json error: testing true for a malformed key published without t=", default: 0] += 1
      } else {
        tally("dkim testing", key.isTesting == testing, "\(domain) \(selector)")
      }
      tally("dkim via_cname", key.viaCNAME == expected["via_cname"] as? Bool, "\(domain) \(selector)")
      let valid = expected["valid"] as? Bool
      if key.keyType == "ed25519" && valid == false && key.isValid && key.error == nil {
        conventions["ed25519 key: valid false in truth, true here", default: 0] += 1
      } else {
        tally("dkim valid", key.isValid == valid, "\(domain) \(selector) \(key.isValid)")
      }
    }
    let listed = Set(truth.compactMap { ($0["selector"] as? String)?.lowercased() })
    for key in keys where !listed.contains(key.selector.lowercased()) {
      extra.append("\(domain) \(key.selector)")
    }
  }

  mutating func mx(_ snapshot: DomainSnapshot, truth: [String: Any]) {
    let mx = snapshot.mx
    let domain = snapshot.domain.description
    tally("mx null_mx", mx.nullMX == truth["null_mx"] as? Bool, domain)
    tally("mx implicit", mx.implicit == truth["implicit"] as? Bool, domain)
    let expected = (truth["hosts"] as? [[String: Any]] ?? []).map { host in
      [
        host["host"] as? String ?? "", "\(host["preference"] as? Int ?? -1)", "\(host["cname"] as? Bool ?? false)",
        "\(host["exists"] as? Bool ?? false)", (host["addresses"] as? [String] ?? []).joined(separator: ","),
        "\(host["ptr_ok"] as? Bool ?? false)",
      ]
    }
    let actual = mx.hosts.map { host in
      [
        host.exchange.description, "\(host.preference)", "\(host.isCNAME)", host.exists.map { "\($0)" } ?? "nil",
        host.addresses.map(\.description).joined(separator: ","), host.ptrOK.map { "\($0)" } ?? "nil",
      ]
    }
    tally("mx hosts", actual == expected, "\(domain) \(actual) != \(expected)")
  }

  func summary(domains: Int) -> String {
    var lines = ["truth agreement over \(domains) domains:"]
    for fact in total.keys.sorted() { lines.append("  \(fact): \(agreed[fact] ?? 0)/\(total[fact] ?? 0)") }
    for (name, count) in conventions.sorted(by: { $0.key < $1.key }) { lines.append("  convention, \(name): \(count)") }
    let missed = missedNonCommon.sorted { $0.value > $1.value }.prefix(12).map { "\($0.key) \($0.value)" }
    lines.append("  non-common selectors not found, by shape: \(missed.joined(separator: ", "))")
    lines.append("  keys found at selectors truth.json does not list: \(extra.count) \(extra.prefix(5))")
    return lines.joined(separator: "\n")
  }
}
