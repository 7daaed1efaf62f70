import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneNet
import MailZoneTestSupport

/// Runs every test of an openspf suite through `SPFEvaluator.checkHost` over in-memory DNS and
/// judges it as `spf_suite.py` and pyspf's `testspf.py` do.
struct SPFSuiteRunner {
  /// One test's verdict, with what is needed to explain a failure.
  struct Outcome: Sendable {
    var scenario: SPFSuite.Scenario
    var test: SPFSuite.Test
    var code: String
    var explanation: String?
    var reason: String
    var queries: [SuiteZoneResolver.Query]
    /// Empty when the test passed.
    var problems: [String]
    var passed: Bool { problems.isEmpty }
    /// Passed with an accepted alternative rather than the first listed result.
    var nonPreferred: Bool { passed && code != test.results.first }
  }

  var cnameLoop: SuiteZoneResolver.CNAMELoop = .servfail

  func run(_ suite: SPFSuite) async -> [Outcome] {
    var outcomes: [Outcome] = []
    for scenario in suite.scenarios {
      let zone: SuiteZone
      do {
        zone = try SuiteZone(scenario.zonedata)
      } catch {
        // The harness cannot build this scenario's DNS: every test of it fails, saying why.
        outcomes += scenario.tests.map {
          Outcome(
            scenario: scenario, test: $0, code: "?", reason: "", queries: [],
            problems: ["zonedata: \(error)"])
        }
        continue
      }
      for test in scenario.tests {
        outcomes.append(await run(test, in: scenario, zone: zone))
      }
    }
    return outcomes
  }

  private func run(_ test: SPFSuite.Test, in scenario: SPFSuite.Scenario, zone: SuiteZone) async -> Outcome {
    guard let ip = IPAddress(test.host) else {
      return Outcome(
        scenario: scenario, test: test, code: "?", reason: "", queries: [],
        problems: ["host \(test.host) is not an IP address"])
    }
    let resolver = SuiteZoneResolver(zone, cnameLoop: cnameLoop)
    let evaluator = SPFEvaluator(resolver: resolver)
    let result = await evaluator.checkHost(SPFCheckRequest(ip: ip, sender: test.mailFrom, helo: test.helo))
    let code = result.code.rawValue
    return Outcome(
      scenario: scenario, test: test, code: code, explanation: result.explanation, reason: result.reason,
      queries: await resolver.queries, problems: SPFSuiteRunner.judge(test, code: code, explanation: result.explanation)
    )
  }

  /// The rule of `spf_suite.py`'s `judge`: the result must be one of those listed; an explanation,
  /// when the test gives one, must be equal, and `DEFAULT` accepts none (nil or empty).
  static func judge(_ test: SPFSuite.Test, code: String, explanation: String?) -> [String] {
    var problems: [String] = []
    if !test.results.contains(code) {
      problems.append("expected \(test.results.joined(separator: "|")), got \(code)")
    }
    if let wanted = test.explanation {
      let good = wanted == "DEFAULT" ? (explanation ?? "").isEmpty : explanation == wanted
      if !good {
        let shown = wanted == "DEFAULT" ? "<default>" : quoted(wanted)
        problems.append("explanation expected \(shown), got \(explanation.map(quoted) ?? "nil")")
      }
    }
    return problems
  }

  static func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\"" }

  /// Prints the report at once and flushes, so it stays together and ahead of the test library's
  /// own lines (which go to stderr) instead of surfacing at exit.
  static func emit(_ report: String) {
    print(report)
    fflush(nil)  // every C stream; naming `stdout` is not concurrency-safe in Swift 6
  }

  /// The report: every failure with its scenario, inputs, expectation, result, reason and queries,
  /// then a summary, then `<label>: N passed, M failed` as the last line.
  static func report(_ outcomes: [Outcome], suite: SPFSuite, label: String) -> String {
    var lines: [String] = []
    let failures = outcomes.filter { !$0.passed }
    if !failures.isEmpty { lines.append("\(label): failures") }
    for failure in failures {
      let test = failure.test
      lines.append(
        "  FAIL scenario \(failure.scenario.index) \(quoted(failure.scenario.description)) / \(test.id) "
          + "[spec \(test.spec)] ip=\(test.host) mail_from=\(quoted(test.mailFrom)) helo=\(quoted(test.helo)): "
          + failure.problems.joined(separator: "; "))
      if !failure.reason.isEmpty { lines.append("      reason: \(failure.reason)") }
      let shown = failure.queries.prefix(25)
      lines += (shown.isEmpty ? ["(no query)"] : shown.map(\.description)).map { "      dns: " + $0 }
      if failure.queries.count > 25 { lines.append("      dns: ... \(failure.queries.count - 25) more") }
    }
    let nonPreferred = outcomes.filter(\.nonPreferred).map(\.test.id)
    lines.append(
      "\(label): \(suite.scenarios.count) scenarios, \(outcomes.count) tests from \(suite.source); "
        + "\(nonPreferred.count) accepted with a non-preferred result"
        + (nonPreferred.isEmpty ? "" : " (\(nonPreferred.joined(separator: ", ")))"))
    lines.append("\(label): \(outcomes.count - failures.count) passed, \(failures.count) failed")
    return lines.joined(separator: "\n")
  }
}
