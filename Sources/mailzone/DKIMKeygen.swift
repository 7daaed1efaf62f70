import ArgumentParser
import MailZoneAudit
import MailZoneDNS
import MailZoneGenerate

/// `--type` of `dkim keygen`.
enum DKIMKeyTypeOption: String, ExpressibleByArgument, CaseIterable, Sendable {
  case rsa, ed25519
}

extension MailZoneCommand.DKIM {
  /// `mailzone dkim keygen`: a key pair, the private half to a 0600 file, the public half as a record.
  struct Keygen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Generate a DKIM key: the private key to a 0600 PEM file, the DNS record to stdout.",
      discussion: """
        The private key (PKCS #8 PEM) is written to --out, created with mode 0600; an existing file \
        is kept unless --force is given. It is printed only with --private-key-to-stdout. \
        Exit status: 0 written; 1 the crypto library failed to generate the key; 64 bad usage \
        (selector, domain, bits) or the key file exists; 65 the key file cannot be written.
        """)

    @Option(help: ArgumentHelp("The selector (s= in signatures): one or more LDH labels.", valueName: "s"))
    var selector: String

    @Option(help: ArgumentHelp("The signing domain (d= in signatures).", valueName: "domain"))
    var domain: String

    @Option(name: .customLong("type"), help: "Key type: rsa (RFC 8301) or ed25519 (RFC 8463).")
    var keyType: DKIMKeyTypeOption = .rsa

    @Option(help: ArgumentHelp("RSA key size: 1024, 2048 (default), 3072 or 4096.", valueName: "bits"))
    var bits: Int?

    @Option(help: ArgumentHelp("Private key file (default: <selector>.<domain>.key.pem).", valueName: "file"))
    var out: String?

    @Flag(help: "Replace an existing --out file.")
    var force = false

    @Flag(help: "Print the private key PEM on stdout; no file is written unless --out is given.")
    var privateKeyToStdout = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
      try output.require([.text, .json], command: "dkim keygen")
      let domainName: DNSName
      do { domainName = try DNSName(domain) } catch {
        throw ValidationError("--domain '\(domain)' is not a domain name: \(error)")
      }
      do { _ = try DKIMKeyGenerator.recordName(selector: selector, domain: domainName) } catch {
        throw ValidationError(error.message)
      }
      if keyType == .ed25519, bits != nil { throw ValidationError("--bits applies to RSA keys only") }
      if let bits, !DKIMKeyAlgorithm.rsaSizes.contains(bits) {
        throw ValidationError("--bits must be 1024, 2048, 3072 or 4096, not \(bits)")
      }
    }

    func run() async throws {
      try await reportingFailures {
        let algorithm: DKIMKeyAlgorithm = keyType == .ed25519 ? .ed25519 : .rsa(bits: bits ?? 2048)
        let domainName = try DNSName(domain)
        let key: DKIMGeneratedKey
        do throws(DKIMKeyGenerationError) {
          key = try DKIMKeyGenerator.generate(selector: selector, domain: domainName, algorithm: algorithm)
        } catch {
          let status = error.code == .invalidSelector || error.code == .invalidDomain ? ExitStatus.usage : ExitCode(1)
          throw CommandFailure(message: error.message, exitCode: status)
        }
        for warning in key.warnings { printError("mailzone: warning: \(warning)") }
        let path = privateKeyToStdout && out == nil ? nil : (out ?? "\(selector).\(domain).key.pem")
        if let path {
          do throws(PrivateKeyFile.WriteError) {
            try PrivateKeyFile.write(key.privateKeyPEM, to: path, overwrite: force)
          } catch {
            throw CommandFailure(
              message: error.description, exitCode: error.exists ? ExitStatus.usage : ExitStatus.dataError)
          }
          printError("mailzone: wrote the private key to \(path) (mode 0600)")
        }
        switch output.format {
        case .json: print(json(key, path: path).prettySerialized())
        default:
          if privateKeyToStdout { print(key.privateKeyPEM, terminator: "") }
          print(key.zoneRecord.bindLine)
        }
      }
    }

    private func json(_ key: DKIMGeneratedKey, path: String?) -> JSONValue {
      var members: [(String, JSONValue)] = [
        ("name", .string(key.zoneRecord.name.description)),
        ("type", .string(key.zoneRecord.type.description)),
        ("ttl", .int(Int(key.zoneRecord.ttl))),
        ("value", .string(key.zoneRecord.value)),
        ("private_key_path", .optional(path) { .string($0) }),
      ]
      if privateKeyToStdout { members.append(("private_key_pem", .string(key.privateKeyPEM))) }
      return .object(members)
    }
  }
}
