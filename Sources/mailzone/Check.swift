import ArgumentParser
import Foundation
import MailZoneAudit
import MailZoneDNS

extension MailZoneCommand {
  /// `mailzone check ZONEFILE...`: zone-file hygiene and a mail audit of the zones as deployed, for CI.
  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check zone files before they are published: syntax, hygiene, and every mail name's audit.",
      discussion: """
        Names inside the zone files (and --zone files, which are not checked) are answered from \
        the files, other names from live DNS, or with --offline (or --zone) left unknown. Each \
        finding is located at file:line:column. Suppress one with a zone comment \
        `; mailzone-disable ID` on the record's line or the line above, or `; mailzone-disable-file ID`.

        Exit status: 0 nothing new at or above --fail-on; 1 new findings at or above it; 2 a live \
        lookup failed, so the audit is incomplete; 64 bad usage; 65 a zone file or baseline \
        cannot be read.
        """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
      case text, json, sarif, github, junit
    }

    @Argument(help: ArgumentHelp("BIND zone files to check.", valueName: "zonefile"))
    var zoneFiles: [String] = []

    @Option(name: .customLong("domain"), help: ArgumentHelp("Also audit this name (repeatable).", valueName: "name"))
    var domains: [String] = []

    @Flag(help: "No network: names outside the zone files are reported unknown, not looked up.")
    var offline = false

    @Option(help: "Output: text, json, sarif (2.1.0), github (workflow commands) or junit.")
    var format: Format = .text

    @Option(help: "Exit 1 when a new finding is at or above this severity: error, warning, info or never.")
    var failOn: FailOn = .error

    @Option(help: ArgumentHelp("Hide the findings recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(
      help: ArgumentHelp("Write the current findings to this baseline file (and exit 0).", valueName: "file"))
    var writeBaseline: String?

    @Flag(
      name: .customLong("color"), inversion: .prefixedNo,
      help: "Colour the text output (default: on a terminal only, and never when NO_COLOR is set).")
    var color: Bool?

    @OptionGroup var resolverOptions: ResolverOptions

    func validate() throws {
      if zoneFiles.isEmpty { throw ValidationError("give at least one ZONEFILE") }
      if offline, !resolverOptions.nameservers.isEmpty {
        throw ValidationError("--offline asks no server; it cannot be combined with --nameserver")
      }
      for domain in domains {
        do { _ = try DNSName(domain) } catch { throw ValidationError("--domain '\(domain)': \(error)") }
      }
    }

    func run() async throws {
      try await reportingFailures {
        let origin = try resolverOptions.origin.map { try DNSName($0) }
        let sources = zoneFiles.map { ZoneSource(path: $0, origin: origin) }
        let answerZones = try loadAnswerZones(origin: origin)
        let accepted = try baseline.map(BaselineFile.read)
        // --zone files stand in for live DNS (ResolverOptions refuses them beside --nameserver).
        let useLive = !offline && resolverOptions.zones.isEmpty
        if !useLive { try requireInFiles(domains, sources: sources, answerZones: answerZones) }
        let live = useLive ? try await LDNSResolver(configuration: resolverOptions.liveConfiguration()) : nil
        let runner = ZoneCheckRunner(
          sources: sources, upstream: live, extraDomains: try domains.map { try DNSName($0) },
          answerZones: answerZones, options: AuditOptions())
        var result = await runner.run()
        await live?.close()
        if let accepted { result.apply(accepted) }
        let unreadable = sources.filter { $0.faults.contains { $0.rule == .unreadable } }
        if let writeBaseline {
          if let first = unreadable.first {
            throw CommandFailure(
              message: "\(first.path): cannot read, so no baseline was written", exitCode: ExitStatus.dataError)
          }
          let count = try BaselineFile.write(result, to: writeBaseline)
          printError("mailzone: wrote \(count) findings to \(writeBaseline)")
          return
        }
        print(render(result, baselineGiven: accepted != nil), terminator: "")
        if !unreadable.isEmpty { throw ExitStatus.dataError }
        if !result.incompleteDomains.isEmpty { throw ExitStatus.incomplete }
        if result.findings.contains(where: { $0.isActive && failOn.fails($0.finding.severity) }) {
          throw ExitStatus.findings
        }
      }
    }

    /// The --zone files, read strictly: they answer questions and are not checked.
    private func loadAnswerZones(origin: DNSName?) throws -> [ZoneFile] {
      var files: [ZoneFile] = []
      for path in resolverOptions.zones {
        do throws(ZoneFileError) {
          files.append(try ZoneFile(path: path, origin: origin))
        } catch {
          throw CommandFailure(message: error.description, exitCode: ExitStatus.dataError)
        }
      }
      return files
    }

    /// Without live DNS a --domain in none of the files would be audited from nothing.
    private func requireInFiles(_ names: [String], sources: [ZoneSource], answerZones: [ZoneFile]) throws {
      let apexes = sources.compactMap(\.file?.apex) + answerZones.map(\.apex)
      for text in names {
        let name = try DNSName(text)
        guard apexes.contains(where: { name.isSubdomain(of: $0) }) else {
          throw CommandFailure(
            message: "--domain \(text) is in none of the zone files, and without live DNS nothing about it is known",
            exitCode: ExitStatus.usage)
        }
      }
    }

    private func render(_ result: ZoneCheckResult, baselineGiven: Bool) -> String {
      switch format {
      case .text: return CheckText(style: Style(enabled: useColor), offline: offline).render(result)
      case .json: return CheckJSON.document(result).prettySerialized() + "\n"
      case .sarif: return AuditSARIF.document(result, baselineGiven: baselineGiven).prettySerialized() + "\n"
      case .github: return CheckGitHub.render(result, offline: offline)
      case .junit: return CheckJUnit.render(result)
      }
    }

    private var useColor: Bool {
      if let color { return color }
      if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
      return isatty(STDOUT_FILENO) == 1
    }
  }
}
