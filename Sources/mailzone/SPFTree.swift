import ArgumentParser
import MailZoneAudit
import MailZoneDNS

extension MailZoneCommand.SPF {
  /// `mailzone spf tree DOMAIN`: the static include/redirect tree with every lookup counted.
  struct Tree: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw a domain's SPF include/redirect tree with the DNS lookups each term costs.",
      discussion: """
        The tree is static: it does not depend on a client IP. Every include, a, \
        mx, ptr, exists and redirect in the whole tree costs one lookup (RFC 7208 \
        §4.6.4), each occurrence, in evaluation order, without stopping at 10; a \
        redirect next to 'all' is ignored. Void lookups are include/redirect \
        targets without TXT, a/exists targets without A, mx targets without MX \
        (an IPv4 client is assumed). Terms with macros, and ptr, depend on the \
        client: they are counted, marked, and not followed. The 10th lookup and \
        the first one over the limit are marked. A hostile graph is cut off at \
        21 levels, 500 records or 1000 queries.

        Exit codes:
          0   valid: check_host can evaluate the tree for every client
          1   an error: over 10 lookups or 2 void lookups, several or malformed
              records, an include without a record, a loop, over 10 MX names,
              no SPF record, or a tree too large to follow
          2   incomplete: a DNS query failed, and nothing else is wrong (with
              --zone, a name outside the files is unknown, not a failure)
          64  usage error: DOMAIN is not a DNS name, or a bad flag or value
          65  bad input data: an unreadable or malformed --zone file
        """)

    @Argument(help: "The domain whose SPF record to follow.")
    var domain: String

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "spf tree")
      let name: DNSName
      do { name = try DNSName(domain) } catch { throw ValidationError("'\(domain)' is not a domain name: \(error)") }
      guard !name.isRoot else { throw ValidationError("'\(domain)' is the root, not a domain") }
    }

    func run() async throws {
      try await reportingFailures {
        let name = try DNSName(domain)
        let session = try await resolverOptions.makeResolver()
        let tree = await SPFLookupTree.build(domain: name, resolver: session.resolver)
        await session.close()
        let report = SPFTreeReport(tree: tree)
        switch output.format {
        case .json: print(report.json().prettySerialized())
        default: print(report.text(style: Style(enabled: output.useColor)), terminator: "")
        }
        if tree.hasErrors { throw ExitStatus.findings }
        if !tree.isComplete { throw ExitStatus.incomplete }
      }
    }
  }
}
