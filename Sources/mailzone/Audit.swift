import ArgumentParser
import Foundation
import MailZoneAudit
import MailZoneDNS

extension MailZoneCommand {
  /// `mailzone audit`: collect, judge, report.
  struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Audit domains' SPF, DKIM, DMARC, MX, MTA-STS, TLS-RPT and BIMI records.",
      discussion: """
        --domains-file is read lazily and audited as it is read: memory stays flat however long the \
        list. Lines that name no domain (an e-mail address, a URL, a space...) are reported as \
        input.malformed-domain findings (severity error) and the rest goes on; IDNs are audited as \
        A-labels; duplicates are skipped. NDJSON lines appear as domains finish (--ordered keeps \
        input order); text and JSON are always in input order; SARIF is written at the end. A \
        progress line is drawn on stderr when it is a terminal; a summary line always ends stderr.

        Exit status: 0 nothing at or above --fail-on; 1 findings at or above it (malformed lines \
        included); 2 the audit was incomplete (a DNS query failed or timed out, or a domain does not \
        exist), whatever else was found; 64 bad usage; 65 bad input data (unreadable --domains-file, \
        --resume or --zone file).
        """)

    @Argument(help: "Domains to audit.")
    var domains: [String] = []

    @Option(
      help: ArgumentHelp(
        "Read domains from FILE as it is audited (one per line, # comments, CSV first column, IDNs); - for stdin.",
        valueName: "file"))
    var domainsFile: String?

    @Flag(help: "Write NDJSON in input order (a bounded reorder buffer; a slow domain holds back the next ones).")
    var ordered = false

    @Option(
      help: ArgumentHelp(
        "Skip the domains of a previous NDJSON output (append the new output to it with >>).", valueName: "file"))
    var resume: String?

    @Option(name: .customLong("selector"), help: ArgumentHelp("A DKIM selector to check (repeatable).", valueName: "s"))
    var selectors: [String] = []

    @Flag(help: "Probe only the --selector selectors, not the common and provider ones.")
    var noDiscovery = false

    @Option(
      help: ArgumentHelp(
        "Public Suffix List for RFC 7489 organizational domains (default: Debian's publicsuffix package).",
        valueName: "file"))
    var psl: String?

    @Option(help: "Exit 1 when a finding is at or above this severity: error, warning, info or never.")
    var failOn: FailOn = .error

    @Option(help: ArgumentHelp("Domains audited at once (in flight).", valueName: "n"))
    var concurrency: Int = 32

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json, .ndjson, .sarif], command: "audit")
      if domains.isEmpty && domainsFile == nil { throw ValidationError("give at least one DOMAIN or --domains-file") }
      guard (1...4096).contains(concurrency) else { throw ValidationError("--concurrency must be 1-4096") }
      for domain in domains {
        if case .failure(let rejection) = DomainInput.name(domain) {
          throw ValidationError("'\(domain)' is not a domain name: \(rejection.text)")
        }
      }
      for selector in selectors where (try? DNSName(selector + "._domainkey.example")) == nil {
        throw ValidationError("--selector '\(selector)' is not a valid DNS label sequence")
      }
    }

    func run() async throws {
      try await reportingFailures {
        let clock = ContinuousClock()
        let start = clock.now
        var stream: DomainStream?
        if let domainsFile {
          do {
            stream = try DomainStream(path: domainsFile)
          } catch {
            throw CommandFailure(message: "\(error)", exitCode: ExitStatus.dataError)
          }
        }
        let skip = try resume.map(ResumeLog.domains(in:)) ?? []
        let session = try await resolverOptions.makeResolver()
        var options = AuditOptions(selectors: selectors, discoverSelectors: !noDiscovery)
        if let psl {
          do {
            options.publicSuffixList = try PublicSuffixList(contentsOfFile: psl)
          } catch {
            throw CommandFailure(message: "--psl \(psl): \(error)", exitCode: ExitStatus.dataError)
          }
        }
        let runner = AuditRunner(cache: session.resolver, options: options)
        let writer = AuditWriter(
          format: output.format, style: Style(enabled: output.useColor), single: domains.count == 1 && stream == nil)
        let showProgress = isatty(STDERR_FILENO) == 1 && stream != nil
        var progress = AuditProgress(
          enabled: showProgress,
          total: showProgress ? domainsFile.flatMap(DomainListReader.lineCount(path:)).map { $0 + domains.count } : nil)
        var summary = Summary()
        // Text and JSON were always in input order; NDJSON streams in finishing order unless --ordered.
        let inOrder = ordered || output.format == .text || output.format == .json
        let bulk = BulkAudit(runner: runner, concurrency: concurrency, ordered: inOrder, skip: skip)
        let inputs = AuditInputs(arguments: domains, list: stream)
        var readError: (any Error)?
        do {
          summary.counts = try await bulk.run(inputs) { outcome in
            summary.add(outcome, failOn: failOn)
            writer.write(outcome)
            progress.update(done: summary.done, errors: summary.errors)
          }
        } catch {
          readError = error
        }
        writer.finish()
        progress.clear()
        let statistics = await session.live?.statistics()
        await session.close()
        printError(
          BulkText.summary(
            counts: summary.counts, incomplete: summary.incomplete, severities: summary.severities,
            queries: statistics?.queries ?? summary.queries, timeouts: statistics?.timeouts,
            backoffs: statistics?.backoffs ?? 0,
            seconds: BulkText.seconds(clock.now - start)))
        if let readError {
          throw CommandFailure(message: "\(readError)", exitCode: ExitStatus.dataError)
        }
        // Incomplete wins: findings may be missing, so "only these findings" cannot be claimed.
        if summary.incomplete > 0 { throw ExitStatus.incomplete }
        if summary.failed { throw ExitStatus.findings }
      }
    }

    /// Running totals for the exit code, the progress line and the summary.
    private struct Summary {
      var counts = BulkAudit.Counts()
      var done = 0
      var incomplete = 0
      var malformed = 0
      var failed = false
      var queries = 0
      var severities: [Severity: Int] = [:]

      var errors: Int { incomplete + malformed }

      mutating func add(_ outcome: AuditOutcome, failOn: FailOn) {
        done += 1
        for finding in outcome.findings { severities[finding.severity, default: 0] += 1 }
        failed = failed || outcome.findings.contains { failOn.fails($0.severity) }
        switch outcome {
        case .audited(let report):
          queries += report.queries
          if !report.isComplete { incomplete += 1 }
        case .malformed:
          malformed += 1
        }
      }
    }
  }
}

/// The command line's domains, then the list's lines, as one sequence for `BulkAudit`.
struct AuditInputs: AsyncSequence {
  typealias Element = DomainInputLine
  let arguments: [String]
  let list: DomainStream?

  struct Iterator: AsyncIteratorProtocol {
    var arguments: IndexingIterator<[String]>
    var list: DomainStream.Iterator?

    mutating func next() async throws -> DomainInputLine? {
      if let argument = arguments.next() {
        // validate() has already rejected arguments that name no domain.
        switch DomainInput.name(argument) {
        case .success(let name): return DomainInputLine(line: 0, content: .name(name))
        case .failure(let rejection):
          return DomainInputLine(line: 0, content: .malformed(field: argument, reason: rejection.text))
        }
      }
      return try await list?.next()
    }
  }

  func makeAsyncIterator() -> Iterator {
    Iterator(arguments: arguments.makeIterator(), list: list?.makeAsyncIterator())
  }
}
