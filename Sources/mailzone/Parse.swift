import ArgumentParser
import Foundation
import MailZoneRecords

extension MailZoneCommand {
  /// `mailzone parse KIND [RECORD]`: parse one record offline and show its facts or its errors.
  struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Parse one SPF, DMARC, DKIM, MTA-STS, TLS-RPT or BIMI record and show what it says.",
      discussion: """
        RECORD is the joined TXT value (character-strings concatenated without spaces), or for \
        mta-sts-policy the policy file. Without RECORD, or with '-', it is read from standard input; \
        one final newline is dropped for the TXT kinds. Put '--' before a record that starts with '-'.

        Exit status: 0 when the record is valid (warnings allowed), 1 when it is invalid (the errors \
        point at the offending offset), 64 for bad usage, 65 when standard input cannot be read.
        """)

    @Argument(help: "Record kind: spf, dmarc, dkim, mta-sts, mta-sts-policy, tlsrpt or bimi.")
    var kind: RecordKind

    @Argument(help: "The record text; read from standard input when absent or '-'.")
    var record: String?

    @Option(name: .customLong("dmarc-spec"), help: "DMARC specification: 9989 (DMARCbis, the default) or 7489.")
    var dmarcSpec: DMARCSpecArgument = .rfc9989

    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "parse")
    }

    func run() async throws {
      try await reportingFailures {
        let bytes = try recordBytes()
        let report = ParseReport(kind: kind, bytes: bytes, dmarcSpec: dmarcSpec.spec)
        switch output.format {
        case .json: print(report.json().prettySerialized())
        default: print(report.text(style: Style(enabled: output.useColor)), terminator: "")
        }
        if !report.isValid { throw ExitStatus.findings }
      }
    }

    /// The argument's UTF-8, or standard input's bytes with one final newline dropped (TXT kinds).
    private func recordBytes() throws -> [UInt8] {
      if let record, record != "-" { return Array(record.utf8) }
      let data: Data
      do {
        data = try FileHandle.standardInput.readToEnd() ?? Data()
      } catch {
        throw CommandFailure(
          message: "cannot read the record from standard input: \(error)", exitCode: ExitStatus.dataError)
      }
      var bytes = Array(data)
      if kind != .mtaSTSPolicy, bytes.last == 0x0A {
        bytes.removeLast()
        if bytes.last == 0x0D { bytes.removeLast() }
      }
      return bytes
    }
  }
}

/// The record kinds `mailzone parse` reads.
enum RecordKind: String, ExpressibleByArgument, CaseIterable, Sendable {
  case spf, dmarc, dkim
  case mtaSTS = "mta-sts"
  case mtaSTSPolicy = "mta-sts-policy"
  case tlsrpt, bimi
}

/// `--dmarc-spec 7489|9989`.
enum DMARCSpecArgument: String, ExpressibleByArgument, CaseIterable, Sendable {
  case rfc7489 = "7489"
  case rfc9989 = "9989"

  var spec: DMARCSpec { self == .rfc7489 ? .rfc7489 : .rfc9989 }
}
