/// A DKIM key record published at `selector._domainkey.domain` (RFC 6376 §3.6.1, RFC 8463).
///
/// ```
/// key-v-tag    = %x76 [FWS] "=" [FWS] %x44.4B.49.4D.31
/// key-h-tag    = %x68 [FWS] "=" [FWS] key-h-tag-alg *( [FWS] ":" [FWS] key-h-tag-alg )
/// key-k-tag    = %x6b [FWS] "=" [FWS] key-k-tag-type      ; "rsa" / "ed25519" (RFC 8463)
/// key-n-tag    = %x6e [FWS] "=" [FWS] qp-section
/// key-p-tag    = %x70 [FWS] "=" [ [FWS] base64string ]
/// key-s-tag    = %x73 [FWS] "=" [FWS] key-s-tag-type *( [FWS] ":" [FWS] key-s-tag-type )
/// key-t-tag    = %x74 [FWS] "=" [FWS] key-t-tag-flag *( [FWS] ":" [FWS] key-t-tag-flag )
/// ```
/// Tag names are case-sensitive (RFC 6376 §3.2), so `V=` is an unknown tag. An empty `p=` is a
/// revoked key. Equality compares the canonical rendering, not the source text or warnings.
public struct DKIMKeyRecord: Sendable, Hashable, CustomStringConvertible {
  /// Whether the record starts with `v=DKIM1` (the tag is optional).
  public var hasVersion: Bool
  /// `h=` acceptable hash algorithms, lower-cased; `nil` means all.
  public var hashAlgorithms: [String]?
  /// `k=` as written (`nil` when absent; see ``keyType``).
  public var requestedKeyType: DKIMKeyType?
  /// `n=` notes, as written.
  public var notes: String?
  /// The `p=` base64 with folding whitespace removed; empty for a revoked key.
  public var publicKeyBase64: String
  /// The decoded key, or `nil` when revoked.
  public var publicKey: DKIMPublicKey?
  /// `s=` service types, lower-cased; `nil` means `*`.
  public var requestedServices: [String]?
  /// `t=` flags, lower-cased, as written.
  public var flags: [String]?
  /// Unknown tags (`g=` included), in order.
  public var otherTags: [RecordTag]
  /// The text this record was parsed from (not compared).
  public var text: String
  /// Warnings with offsets into `text` (not compared).
  public var warnings: [RecordWarning]

  /// Parses a DKIM key record.
  ///
  /// - Throws: ``RecordParseError``: `invalidPublicKey` / `invalidBase64` for a bad `p=`,
  ///   `unknownKeyType`, `badVersion`, `tagOutOfOrder` (`v` not first), tag-list errors.
  public static func parse(_ text: String) throws(RecordParseError) -> DKIMKeyRecord {
    try DKIMKeyParser.parse(Array(text.utf8), text: text)
  }

  /// Parses the raw bytes of a joined TXT value.
  public static func parse(bytes: [UInt8]) throws(RecordParseError) -> DKIMKeyRecord {
    try DKIMKeyParser.parse(bytes, text: String(decoding: bytes, as: UTF8.self))
  }

  init(text: String) {
    hasVersion = false
    publicKeyBase64 = ""
    otherTags = []
    self.text = text
    warnings = []
  }

  /// The key type: `k=`, default `rsa`.
  public var keyType: DKIMKeyType { requestedKeyType ?? .rsa }
  /// An empty `p=`: "the public key has been revoked" (RFC 6376 §3.6.1).
  public var isRevoked: Bool { publicKeyBase64.isEmpty }
  /// The service types, default `*`.
  public var services: [String] { requestedServices ?? ["*"] }
  /// `t=y`: the domain is testing DKIM.
  public var isTesting: Bool { flags?.contains("y") ?? false }
  /// `t=s`: the `i=` domain must equal `d=`, no subdomains.
  public var forbidsSubdomains: Bool { flags?.contains("s") ?? false }
  /// The RSA modulus size or 256 for Ed25519; `nil` when revoked.
  public var keyBits: Int? { publicKey?.bits }

  /// Usable for signing email: not revoked, RSA ≥ 1024 bits (RFC 8301 §3.2), and `s=` covering
  /// `email` or `*` (RFC 6376 §3.6.1).
  public var isUsableForEmail: Bool {
    guard let publicKey, services.contains(where: { $0 == "email" || $0 == "*" }) else { return false }
    return publicKey.type != .rsa || publicKey.bits >= 1024
  }

  /// Canonical text: tags in the order v h k n p s t, then other tags, joined by `; `.
  public var rendered: String {
    var parts: [String] = hasVersion ? ["v=DKIM1"] : []
    if let hashAlgorithms { parts.append("h=" + hashAlgorithms.joined(separator: ":")) }
    if let requestedKeyType { parts.append("k=" + requestedKeyType.rawValue) }
    if let notes { parts.append("n=" + notes) }
    parts.append("p=" + publicKeyBase64)
    if let requestedServices { parts.append("s=" + requestedServices.joined(separator: ":")) }
    if let flags { parts.append("t=" + flags.joined(separator: ":")) }
    parts += otherTags.map { "\($0.name)=\($0.value)" }
    return parts.joined(separator: "; ")
  }

  public var description: String { rendered }

  /// Records are equal when their canonical renderings are; text and warnings are not compared.
  public static func == (lhs: DKIMKeyRecord, rhs: DKIMKeyRecord) -> Bool { lhs.rendered == rhs.rendered }
  public func hash(into hasher: inout Hasher) { hasher.combine(rendered) }
}
