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
        Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 the audit was
        incomplete (a DNS query failed or timed out, or a domain does not exist), whatever else was
        found; 64 bad usage; 65 bad input data (unreadable --domains-file or --zone file).
        """)

    @Argument(help: "Domains to audit.")
    var domains: [String] = []

    @Option(
      help: ArgumentHelp(
        "Read domains from FILE (one per line, # comments, CSV first column); - for stdin.", valueName: "file"))
    var domainsFile: String?

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

    @Option(help: ArgumentHelp("Domains audited at once.", valueName: "n"))
    var concurrency: Int = 32

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json, .ndjson, .sarif], command: "audit")
      if domains.isEmpty && domainsFile == nil { throw ValidationError("give at least one DOMAIN or --domains-file") }
      guard (1...4096).contains(concurrency) else { throw ValidationError("--concurrency must be 1-4096") }
      for domain in domains {
        do { _ = try DNSName(domain) } catch { throw ValidationError("'\(domain)' is not a domain name: \(error)") }
      }
      for selector in selectors where (try? DNSName(selector + "._domainkey.example")) == nil {
        throw ValidationError("--selector '\(selector)' is not a valid DNS label sequence")
      }
    }

    func run() async throws {
      try await reportingFailures {
        let names = try domainNames()
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
        let writer = AuditWriter(format: output.format, style: Style(enabled: output.useColor), count: names.count)
        var failed = false
        var incomplete = false
        await AuditScheduler(runner: runner, concurrency: concurrency).run(names) { index, report in
          failed = failed || report.findings.contains { failOn.fails($0.severity) }
          incomplete = incomplete || !report.isComplete
          writer.write(report, index: index)
        }
        writer.finish()
        await session.close()
        // Incomplete wins: findings may be missing, so "only these findings" cannot be claimed.
        if incomplete { throw ExitStatus.incomplete }
        if failed { throw ExitStatus.findings }
      }
    }

    /// Positional domains, then the file's, without duplicates.
    private func domainNames() throws -> [DNSName] {
      var names = try domains.map { try DNSName($0) }
      if let domainsFile {
        let text: String
        do {
          text =
            domainsFile == "-"
            ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            : try String(contentsOfFile: domainsFile, encoding: .utf8)
        } catch {
          throw CommandFailure(
            message: "\(domainsFile): cannot read: \(error.localizedDescription)", exitCode: ExitStatus.dataError)
        }
        names += try DomainList.parse(text, source: domainsFile)
      }
      var seen: Set<DNSName> = []
      return names.filter { seen.insert($0).inserted }
    }
  }
}

/// Reads a domain list: one name per line, `#` comments, CSV (the first column), blank lines.
enum DomainList {
  static func parse(_ text: String, source: String) throws -> [DNSName] {
    var names: [DNSName] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let field = (line.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
        .trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"\r"))
      guard !field.isEmpty else { continue }
      do {
        names.append(try DNSName(field))
      } catch {
        throw CommandFailure(
          message: "\(source):\(index + 1): '\(field)' is not a domain name: \(error)", exitCode: ExitStatus.dataError)
      }
    }
    return names
  }
}

/// Runs audits with at most `concurrency` domains in flight, handing each report over as it finishes.
struct AuditScheduler {
  let runner: AuditRunner
  let concurrency: Int

  /// Calls `onReport` with each report and its input position, in the order they finish.
  func run(_ names: [DNSName], onReport: (Int, AuditReport) -> Void) async {
    await withTaskGroup(of: (Int, AuditReport).self) { group in
      var iterator = names.enumerated().makeIterator()
      for _ in 0..<concurrency {
        guard let (index, name) = iterator.next() else { break }
        group.addTask { (index, await runner.audit(name)) }
      }
      while let (index, report) = await group.next() {
        onReport(index, report)
        if let (next, name) = iterator.next() { group.addTask { (next, await runner.audit(name)) } }
      }
    }
  }
}
