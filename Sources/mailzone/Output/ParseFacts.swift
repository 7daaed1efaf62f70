import MailZoneAudit
import MailZoneRecords

/// The facts `mailzone parse --format json` reports for each record kind, under the names the
/// record-vectors contract uses (DMARC: p sp np adkim aspf pct fo rf ri rua ruf rua_max_bytes
/// ruf_max_bytes t psd; DKIM: revoked k key_bits key_format testing no_subdomains h services usable).
enum ParseFacts {
  /// The fact names for `kind`, reported as `null` when the record is invalid.
  static func names(for kind: RecordKind) -> [String] {
    switch kind {
    case .spf: ["terms", "lookup_terms"]
    case .dmarc:
      [
        "p", "sp", "np", "adkim", "aspf", "pct", "fo", "rf", "ri", "rua", "ruf", "rua_max_bytes", "ruf_max_bytes", "t",
        "psd",
      ]
    case .dkim: ["revoked", "k", "key_bits", "key_format", "testing", "no_subdomains", "h", "services", "usable"]
    case .mtaSTS: ["id", "extensions"]
    case .mtaSTSPolicy: ["version", "mode", "max_age", "mx", "extensions"]
    case .tlsrpt: ["rua", "extensions"]
    case .bimi: ["l", "a", "avp", "declined", "extensions"]
    }
  }

  private static func strings(_ values: [String]) -> JSONValue { .array(values.map { .string($0) }) }

  private static func tags(_ tags: [RecordTag]) -> JSONValue {
    .array(
      tags.map { .object([("name", .string($0.name)), ("value", .string($0.value)), ("offset", .int($0.offset))]) })
  }

  static func spf(_ record: SPFRecord) -> [(String, JSONValue)] {
    let terms = record.terms.map { term -> JSONValue in
      switch term.kind {
      case .directive(let qualifier, let mechanism):
        return .object([
          ("qualifier", .string(qualifier.rawValue)), ("mechanism", .string(mechanism.name)),
          ("value", .optional(mechanism.argument) { .string($0) }), ("offset", .int(term.offset)),
        ])
      case .modifier(let modifier):
        return .object([
          ("modifier", .string(modifier.name)), ("value", .string(modifier.value.rendered)),
          ("offset", .int(term.offset)),
        ])
      }
    }
    return [("terms", .array(terms)), ("lookup_terms", .int(record.lookupTermCount))]
  }

  static func dmarc(_ record: DMARCRecord) -> [(String, JSONValue)] {
    func sizes(_ uris: [DMARCReportURI]) -> JSONValue {
      .array(uris.map { uri in .optional(uri.maxBytes) { .int(Int(clamping: $0)) } })
    }
    return [
      ("p", .string(record.policy.rawValue)),
      ("sp", .string(record.subdomainPolicy.rawValue)),
      ("np", .string(record.nonexistentPolicy.rawValue)),
      ("adkim", .string(record.dkimAlignment.rawValue)),
      ("aspf", .string(record.spfAlignment.rawValue)),
      ("pct", .optional(record.percent) { .int($0) }),
      ("fo", strings(record.failureOptions.map(\.rawValue))),
      ("rf", .optional(record.reportFormats) { strings($0) }),
      ("ri", .optional(record.reportInterval) { .int(Int($0)) }),
      ("rua", strings(record.aggregateReportURIs.map(\.uri))),
      ("ruf", strings(record.failureReportURIs.map(\.uri))),
      ("rua_max_bytes", sizes(record.aggregateReportURIs)),
      ("ruf_max_bytes", sizes(record.failureReportURIs)),
      ("t", .bool(record.testing)),
      ("psd", .string(record.publicSuffix.rawValue)),
    ]
  }

  static func dkim(_ record: DKIMKeyRecord) -> [(String, JSONValue)] {
    let format = record.publicKey.flatMap { $0.format == .raw ? nil : $0.format.rawValue }
    return [
      ("revoked", .bool(record.isRevoked)),
      ("k", .string(record.keyType.rawValue)),
      ("key_bits", .optional(record.publicKey) { $0.type == .rsa ? .int($0.bits) : .null }),
      ("key_format", .optional(format) { .string($0) }),
      ("testing", .bool(record.isTesting)),
      ("no_subdomains", .bool(record.forbidsSubdomains)),
      ("h", .optional(record.hashAlgorithms) { strings($0) }),
      ("services", strings(record.services)),
      ("usable", .bool(record.isUsableForEmail)),
    ]
  }

  static func mtaSTS(_ record: MTASTSRecord) -> [(String, JSONValue)] {
    [("id", .string(record.id)), ("extensions", tags(record.extensions))]
  }

  static func mtaSTSPolicy(_ policy: MTASTSPolicy) -> [(String, JSONValue)] {
    [
      ("version", .string("STSv1")), ("mode", .string(policy.mode.rawValue)), ("max_age", .int(policy.maxAge)),
      ("mx", strings(policy.mx)), ("extensions", tags(policy.extensions)),
    ]
  }

  static func tlsrpt(_ record: TLSRPTRecord) -> [(String, JSONValue)] {
    [("rua", strings(record.reportURIs)), ("extensions", tags(record.extensions))]
  }

  static func bimi(_ record: BIMIRecord) -> [(String, JSONValue)] {
    [
      ("l", record.location.isEmpty ? .null : .string(record.location)),
      ("a", .optional(record.evidence.flatMap { $0.isEmpty ? nil : $0 }) { .string($0) }),
      ("avp", .optional(record.avatarPreference) { .string($0.rawValue) }),
      ("declined", .bool(record.isDeclination)),
      ("extensions", tags(record.otherTags)),
    ]
  }
}
