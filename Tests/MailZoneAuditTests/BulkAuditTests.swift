import MailZoneAudit
import MailZoneDNS
import MailZoneTestSupport
import Testing

@Suite("BulkAudit: streaming, order, duplicates, resume")
struct BulkAuditTests {
  /// 40 domains under bulk.test, each with its own SPF record.
  static let zone = AuditTestZones.zone(
    "bulk.test",
    (0..<40).flatMap { ["d\($0) 300 TXT \"v=spf1 -all\"", "_dmarc.d\($0) 300 TXT \"v=DMARC1; p=reject\""] })

  static func runner() throws -> (AuditRunner, RecordingResolver) {
    let recorder = RecordingResolver(upstream: ZoneFileResolver(files: [try ZoneFile(text: zone, path: "bulk")]))
    let options = AuditOptions(discoverSelectors: false)
    return (AuditRunner(cache: CachingResolver(upstream: recorder), options: options), recorder)
  }

  static func lines(_ texts: [String]) -> AsyncStream<DomainInputLine> {
    AsyncStream { continuation in
      for (index, text) in texts.enumerated() { continuation.yield(DomainInput.parse(line: index + 1, text: text)) }
      continuation.finish()
    }
  }

  static let input: [String] =
    (0..<40).map { "d\($0).bulk.test" } + ["D3.BULK.TEST.", "not a name", "# c", "d5.bulk.test", "x@bulk.test"]

  @Test("a domain's first questions, one per record family, go upstream as one batch")
  func firstQuestionsBatched() async throws {
    let (runner, recorder) = try Self.runner()
    let report = await runner.audit(Fixtures.name("d7.bulk.test"))
    #expect(report.snapshot.spf.exists == true)
    #expect(
      recorder.batches.first == [
        "d7.bulk.test TXT", "d7.bulk.test SPF", "d7.bulk.test CNAME", "d7.bulk.test MX", "_dmarc.d7.bulk.test TXT",
        "_mta-sts.d7.bulk.test TXT", "_smtp._tls.d7.bulk.test TXT", "default._bimi.d7.bulk.test TXT",
        "_domainkey.d7.bulk.test TXT",
      ])
    let questions = recorder.questions
    #expect(Set(questions).count == questions.count, "the families read the batch's answers from the cache")
  }

  @Test("ordered: outcomes come in input order; duplicates skipped; malformed lines are findings in place")
  func ordered() async throws {
    let (runner, recorder) = try Self.runner()
    var domains: [String] = []
    let counts = try await BulkAudit(runner: runner, concurrency: 3, ordered: true).run(Self.lines(Self.input)) {
      domains.append($0.domainText)
    }
    #expect(domains == (0..<40).map { "d\($0).bulk.test" } + ["not a name", "x@bulk.test"])
    #expect(counts.audited == 40 && counts.malformed == 2 && counts.duplicates == 2 && counts.resumed == 0)
    let questions = recorder.questions
    #expect(Set(questions).count == questions.count, "no question asked twice in one run")
  }

  @Test("unordered: every outcome exactly once; malformed outcomes carry the input.malformed-domain finding")
  func unordered() async throws {
    let (runner, _) = try Self.runner()
    var outcomes: [AuditOutcome] = []
    _ = try await BulkAudit(runner: runner, concurrency: 8, ordered: false).run(Self.lines(Self.input)) {
      outcomes.append($0)
    }
    #expect(Set(outcomes.map(\.domainText)).count == 42)
    let malformed = outcomes.filter { if case .malformed = $0 { return true } else { return false } }
    #expect(malformed.count == 2)
    #expect(malformed.allSatisfy { $0.findings.map(\.checkID) == ["input.malformed-domain"] && $0.isComplete })
    let notAName = malformed.first { $0.domainText == "not a name" }
    #expect(notAName?.findings.first?.message.hasPrefix("line 42: 'not a name' is not a domain name") == true)
  }

  @Test("resume: domains (and malformed lines) of a previous output are skipped and counted")
  func resume() async throws {
    let (runner, recorder) = try Self.runner()
    let skip: Set<String> = ["d0.bulk.test", "d1.bulk.test", "not a name"]
    var domains: [String] = []
    let counts = try await BulkAudit(runner: runner, concurrency: 4, ordered: true, skip: skip).run(
      Self.lines(Self.input)
    ) { domains.append($0.domainText) }
    #expect(counts.resumed == 3 && counts.audited == 38)
    #expect(!domains.contains("d0.bulk.test") && !domains.contains("not a name"))
    #expect(!recorder.questions.contains { $0.hasPrefix("d0.bulk.test.") }, "a resumed domain is not queried")
  }

  @Test("the progress line and the summary line")
  func text() {
    #expect(
      BulkText.progress(done: 312, total: 1000, seconds: 312 / 48.2, errors: 3)
        == "  312/1000 domains  48.2/s  ETA 15s  3 errors")
    #expect(BulkText.progress(done: 10, total: nil, seconds: 2, errors: 0) == "  10 domains  5.0/s")
    #expect(BulkText.progress(done: 0, total: 5, seconds: 0, errors: 1) == "  0/5 domains  0.0/s  1 error")
    #expect(BulkText.duration(185) == "3m05s" && BulkText.duration(7620) == "2h07m")
    var counts = BulkAudit.Counts()
    counts.audited = 997
    counts.malformed = 3
    counts.duplicates = 12
    counts.resumed = 40
    let line = BulkText.summary(
      counts: counts, incomplete: 0, severities: [.error: 120, .warning: 300, .info: 50], queries: 48_800,
      timeouts: 12, seconds: 2.08)
    #expect(
      line
        == "1,000 domains (3 malformed, 12 duplicates skipped, 40 resumed), findings: 120 error, 300 warning, 50 info; 48,800 queries (12 timed out), 2.1 s"
    )
  }
}

@Suite("SeenNames: duplicates by fingerprint")
struct SeenNamesTests {
  @Test("a name is seen once whatever its letter case or final dot; different names never collide here")
  func fingerprints() throws {
    var seen = SeenNames()
    #expect(seen.insert(try DNSName("Example.TEST")))
    #expect(!seen.insert(try DNSName("example.test.")))
    #expect(!seen.insert(try DNSName("EXAMPLE.test")))
    #expect(seen.insert(try DNSName("example.test.example")))
    // Label boundaries count: ab.c and a.bc are different names.
    #expect(seen.insert(try DNSName("ab.c")))
    #expect(seen.insert(try DNSName("a.bc")))
    var collisions = 0
    for index in 0..<200_000 where !seen.insert(try DNSName("n\(index).bulk.test")) { collisions += 1 }
    #expect(collisions == 0, "no collision among 200,000 names")
    #expect(seen.count == 200_004)
    #expect(!seen.insert(try DNSName("N199999.Bulk.Test")))
  }
}
