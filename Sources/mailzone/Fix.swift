import ArgumentParser
import MailZoneAudit
import MailZoneDNS
import MailZoneGenerate

extension MailZoneCommand {
  /// `mailzone fix`: audit, then print the corrected records as one snippet to paste.
  struct Fix: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Audit domains and print the corrected zone records for every finding that has a fix.",
      discussion: """
        Each change carries a '; resolves <check-id>: <message>' comment. The changes are checked by \
        auditing again as if they were published; findings they do not resolve are listed as still open. \
        An SPF record over 10 lookups gets the records 'spf flatten' writes, when they fit and are \
        proven to authorize the same senders. Warnings and errors no fix can address are listed as \
        '; no automatic fix:'. Exit status: 0 nothing to fix, or every change printed; 2 the audit was incomplete (a DNS \
        query failed or timed out, or a domain does not exist); 64 bad usage; 65 an unreadable --zone file.
        """)

    @Argument(help: "Domains to fix.")
    var domains: [String] = []

    @Option(name: .customLong("selector"), help: ArgumentHelp("A DKIM selector to check (repeatable).", valueName: "s"))
    var selectors: [String] = []

    @Flag(help: "Probe only the --selector selectors, not the common and provider ones.")
    var noDiscovery = false

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "fix")
      if domains.isEmpty { throw ValidationError("give at least one DOMAIN") }
      for domain in domains {
        do { _ = try DNSName(domain) } catch { throw ValidationError("'\(domain)' is not a domain name: \(error)") }
      }
      for selector in selectors where (try? DNSName(selector + "._domainkey.example")) == nil {
        throw ValidationError("--selector '\(selector)' is not a valid DNS label sequence")
      }
    }

    func run() async throws {
      try await reportingFailures {
        var seen: Set<DNSName> = []
        let names = try domains.map { try DNSName($0) }.filter { seen.insert($0).inserted }
        let session = try await resolverOptions.makeResolver()
        let options = AuditOptions(selectors: selectors, discoverSelectors: !noDiscovery)
        let runner = AuditRunner(cache: session.resolver, options: options)
        let planner = FixPlanner(cache: session.resolver, options: options)
        var plans: [FixPlan] = []
        for name in names { plans.append(await planner.plan(await runner.audit(name))) }
        await session.close()
        switch output.format {
        case .json:
          let values = plans.map(json)
          print((values.count == 1 ? values[0] : .array(values)).prettySerialized())
        default:
          print(plans.map(\.bindSnippet).joined(separator: "\n"), terminator: "")
        }
        if plans.contains(where: { !$0.isComplete }) { throw ExitStatus.incomplete }
      }
    }

    private func json(_ plan: FixPlan) -> JSONValue {
      func finding(_ finding: Finding) -> JSONValue {
        .object([
          ("check_id", .string(finding.checkID)), ("severity", .string(finding.severity.rawValue)),
          ("subject", .string(finding.subject)), ("message", .string(finding.message)),
        ])
      }
      let changes = plan.changes.flatMap { change in
        change.records.map { record -> JSONValue in
          .object([
            ("resolves", .array(change.resolves.map(finding))),
            ("part_of", .array(change.partOf.map(finding))),
            ("superseded", .array(change.superseded.map(finding))),
            (
              "record",
              .object([
                ("name", .string(record.name.description)), ("type", .string(record.type.description)),
                ("ttl", .int(Int(record.ttl))), ("value", .string(record.value)),
                ("zone_line", .string(record.bindLine)),
              ])
            ),
          ])
        }
      }
      return .object([
        ("schema", .string("mailzone.fix/1")),
        ("domain", .string(plan.domain.description)),
        ("complete", .bool(plan.isComplete)),
        ("changes", .array(changes)),
        ("still_open", .array(plan.stillOpen.map(finding))),
        ("no_fix", .array(plan.noFix.map(finding))),
        ("introduced", .array(plan.introduced.map(finding))),
        (
          "unreadable_fixes",
          .array(plan.unreadable.map { .object([("finding", finding($0.finding)), ("reason", .string($0.reason))]) })
        ),
      ])
    }
  }
}
