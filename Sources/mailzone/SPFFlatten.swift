import ArgumentParser
import Foundation
import MailZoneDNS
import MailZoneGenerate

extension MailZoneCommand.SPF {
  /// `mailzone spf flatten DOMAIN`: ip4/ip6 records within the lookup budget, proven equivalent.
  struct Flatten: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Flatten a domain's SPF tree to ip4/ip6 terms within the lookup budget, proven equivalent.",
      discussion: """
        Includes resolve to the networks for which the included record passes (RFC 7208 §5.2), \
        a and mx to their owner's A and AAAA addresses; redirect targets are inlined; exists, \
        ptr and macro terms stay live. Includes are kept live while the budget allows, rotating \
        providers and the largest sets first. What does not fit one record goes into a chain \
        (--chain). The records are printed only when check_host on the published tree and on \
        the new records agrees for every boundary address of every network and for seeded \
        random addresses.

        Exit codes:
          0   flattened and proven
          1   the records do not fit the budgets, or the proof found a disagreement
          2   a DNS query failed
          64  usage error
          65  bad input data: an unreadable or malformed --zone file, or no SPF record to flatten
        """)

    @Argument(help: "The domain whose SPF record to flatten.")
    var domain: String

    @Option(help: ArgumentHelp("Keep this include live (repeatable).", valueName: "include"))
    var keep: [String] = []

    @Option(help: ArgumentHelp("DNS lookups the records may cost (RFC 7208 §4.6.4).", valueName: "n"))
    var maxLookups: Int = 10

    @Option(help: ArgumentHelp("Bytes of SPF text per record.", valueName: "bytes"))
    var maxBytes: Int = 450

    @Option(help: ArgumentHelp("Chain record labels; N becomes 1, 2, ...", valueName: "pattern"))
    var chain: String = "_spfN"

    @OptionGroup var resolverOptions: ResolverOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "spf flatten")
      do { _ = try DNSName(domain) } catch { throw ValidationError("'\(domain)' is not a domain name: \(error)") }
      guard (1...100).contains(maxLookups) else { throw ValidationError("--max-lookups must be 1-100") }
      guard (64...4096).contains(maxBytes) else { throw ValidationError("--max-bytes must be 64-4096") }
      guard chain.contains("N"), (try? DNSName(chain.replacingOccurrences(of: "N", with: "1"))) != nil else {
        throw ValidationError("--chain '\(chain)' must be a label with N for the record number (_spfN)")
      }
    }

    func run() async throws {
      try await reportingFailures {
        let name = try DNSName(domain)
        let session = try await resolverOptions.makeResolver()
        var options = SPFFlattener.Options()
        options.maxLookups = maxLookups
        options.maxBytes = maxBytes
        options.chainPattern = chain
        options.keep = Set(keep)
        let flattening: SPFFlattening
        let proof: SPFEquivalenceProof
        do {
          (flattening, proof) = try await SPFFlattener(resolver: session.resolver, options: options)
            .flattenAndProve(name)
        } catch let error as SPFFlattenError {
          await session.close()
          let code = error.code == .dnsFailure ? ExitStatus.incomplete : ExitStatus.dataError
          throw CommandFailure(message: error.message, exitCode: code)
        }
        await session.close()
        let report = SPFFlattenReport(flattening: flattening, proof: proof)
        switch output.format {
        case .json: print(report.json().prettySerialized())
        default: print(report.text(style: Style(enabled: output.useColor)), terminator: "")
        }
        guard report.publishable else { throw ExitStatus.findings }
      }
    }
  }
}
