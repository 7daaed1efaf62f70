import ArgumentParser
import MailZoneAudit
import MailZoneDNS
import MailZoneNet

extension MailZoneCommand.SPF {
  /// `mailzone spf check`: RFC 7208 check_host() for one client, with the decision trace.
  struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "check",
      abstract: "Evaluate SPF for a client IP, sender and HELO as a receiver would (RFC 7208 check_host).",
      discussion: """
        DOMAIN defaults to the sender's domain, or to the HELO name when --sender is empty (a bounce). \
        Exit status: 0 pass; 1 fail, softfail, neutral, none or permerror; 2 temperror (DNS failure); \
        64 bad usage (malformed IP, sender or domain); 65 bad --zone file.
        """)

    @Argument(help: "The domain to check (default: the sender's domain).")
    var domain: String?

    @Option(help: ArgumentHelp("The SMTP client's IP address (IPv4 or IPv6).", valueName: "ip"))
    var ip: String

    @Option(help: ArgumentHelp("The MAIL FROM address; \"\" for a bounce.", valueName: "address"))
    var sender: String?

    @Option(help: ArgumentHelp("The HELO/EHLO name.", valueName: "name"))
    var helo: String?

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "spf check")
      guard IPAddress(ip) != nil else { throw ValidationError("--ip '\(ip)' is not an IPv4 or IPv6 address") }
      if let sender, !sender.isEmpty, !sender.contains("@") {
        throw ValidationError("--sender '\(sender)' is not an address: local-part@domain, or \"\" for a bounce")
      }
      if let domain {
        do { _ = try DNSName(domain) } catch { throw ValidationError("'\(domain)' is not a domain name: \(error)") }
      }
      if domain == nil, (sender ?? "").isEmpty, helo == nil {
        throw ValidationError("give DOMAIN, --sender, or --helo (for a bounce) so there is a domain to check")
      }
    }

    func run() async throws {
      try await reportingFailures {
        guard let address = IPAddress(ip) else { throw ExitStatus.usage }
        let session = try await resolverOptions.makeResolver()
        let request = SPFCheckRequest(ip: address, sender: sender ?? "", helo: helo ?? "", domain: domain)
        let result = await SPFEvaluator(resolver: session.resolver).checkHost(request)
        await session.close()
        let report = SPFCheckReport(request: request, result: result)
        switch output.format {
        case .json: print(report.json().prettySerialized())
        default: print(report.text(style: Style(enabled: output.useColor)), terminator: "")
        }
        switch result.code {
        case .pass: return
        case .temperror: throw ExitStatus.incomplete
        default: throw ExitStatus.findings
        }
      }
    }
  }
}
