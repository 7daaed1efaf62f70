import ArgumentParser
import MailZoneAudit
import MailZoneDNS

extension MailZoneCommand {
  /// `mailzone diff`: what deploying zone files would change for mail authentication.
  struct Diff: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show what deploying zone files would change for mail authentication, against live DNS.",
      discussion: """
        For every mail-relevant name in the files (each apex, MX and SPF owner, and the _dmarc, \
        <selector>._domainkey, _mta-sts, _smtp._tls and <x>._bimi names of those domains), the \
        TXT, MX and CNAME records the files would serve are compared with live DNS: + added, \
        - removed, ~ changed (one record of a family replaced), = re-split only (harmless). Then both \
        sides are audited, the zone files answering for their names and live DNS for the rest, and \
        the facts that differ are listed (SPF lookups and void lookups, DMARC p/sp/pct/rua, DKIM \
        selectors and key sizes, MX hosts, MTA-STS id) with the warnings and errors that deploying \
        would introduce or resolve.

        Exit status: 0 no mail-authentication change; 1 changes (like diff(1)); 2 a live lookup \
        failed or timed out, so the comparison is incomplete (wins over 1); 64 bad usage; 65 an \
        unreadable or malformed zone file.
        """)

    @Argument(help: ArgumentHelp("BIND zone files to compare with live DNS.", valueName: "zonefile"))
    var zoneFiles: [String] = []

    @Option(name: .customLong("domain"), help: ArgumentHelp("Also diff this domain (repeatable).", valueName: "name"))
    var domains: [String] = []

    @Option(
      name: .customLong("selector"), help: ArgumentHelp("A DKIM selector to compare (repeatable).", valueName: "s"))
    var selectors: [String] = []

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "diff")
      if zoneFiles.isEmpty { throw ValidationError("give at least one ZONEFILE") }
      if !resolverOptions.zones.isEmpty {
        throw ValidationError("diff compares its ZONEFILE arguments with live DNS; --zone does not apply")
      }
      for domain in domains {
        do { _ = try DNSName(domain) } catch { throw ValidationError("--domain '\(domain)': \(error)") }
      }
      for selector in selectors where (try? DNSName(selector + "._domainkey.example")) == nil {
        throw ValidationError("--selector '\(selector)' is not a valid DNS label sequence")
      }
    }

    func run() async throws {
      try await reportingFailures {
        let origin = try resolverOptions.origin.map { try DNSName($0) }
        var files: [ZoneFile] = []
        for path in zoneFiles {
          do throws(ZoneFileError) {
            files.append(try ZoneFile(path: path, origin: origin))
          } catch {
            throw CommandFailure(message: error.description, exitCode: ExitStatus.dataError)
          }
        }
        let live = try await LDNSResolver(configuration: resolverOptions.liveConfiguration())
        let options = AuditOptions(selectors: selectors)
        let diff = MailDiff(files: files, live: CachingResolver(upstream: live), options: options)
        let results = await diff.run(extraDomains: try domains.map { try DNSName($0) })
        await live.close()
        let report = DiffReport(domains: results)
        switch output.format {
        case .json: print(report.json().prettySerialized())
        default: print(report.text(style: Style(enabled: output.useColor)), terminator: "")
        }
        if !report.isComplete { throw ExitStatus.incomplete }
        if report.hasChanges { throw ExitStatus.findings }
      }
    }
  }
}
