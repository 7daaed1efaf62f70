import ArgumentParser
import MailZoneDNS

extension MailZoneCommand {
  /// `mailzone lookup NAME [TYPE]`: one question, shown the way mailzone's audits see it.
  struct Lookup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Look up one name, dig-style: rcode, CNAME chain, and each TXT string with its length.",
      discussion: """
        Exit status: 0 when the question was answered (NOERROR, NODATA or NXDOMAIN), 2 when it was \
        not (SERVFAIL, REFUSED, timeout, CNAME loop), 64 for bad usage, 65 for a bad --zone file.
        """)

    @Argument(help: "The domain name to look up.")
    var name: String

    @Argument(help: "Record type: TXT, MX, A, AAAA, CNAME, PTR, NS, SOA, TLSA, SPF or TYPEnnn.")
    var type: String = "A"

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "lookup")
      do { _ = try DNSName(name) } catch { throw ValidationError("'\(name)' is not a domain name: \(error)") }
      guard RRType(name: type) != nil else { throw ValidationError("unknown record type '\(type)'") }
    }

    func run() async throws {
      try await reportingFailures {
        let name = try DNSName(self.name)
        let type = RRType(name: self.type) ?? .a
        let session = try await resolverOptions.makeResolver()
        let clock = ContinuousClock()
        let started = clock.now
        let answer = await session.resolver.lookup(name, type)
        let elapsed = clock.now - started
        await session.close()
        let report = LookupReport(answer: answer, elapsed: elapsed)
        switch output.format {
        case .json: print(report.json().prettySerialized())
        default: print(report.text(style: Style(enabled: output.useColor)), terminator: "")
        }
        if !answer.status.isConclusive { throw ExitStatus.incomplete }
      }
    }
  }
}
