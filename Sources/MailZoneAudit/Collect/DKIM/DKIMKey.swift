public import MailZoneDNS
public import MailZoneRecords

/// One key record found at a selector, with the facts a report shows for it (AUDIT-JSON `dkim[]`).
///
/// A record the strict parser rejects still has facts: its key type, revocation and testing flag
/// come from a lenient reading of its tags, so a malformed key is reported for what it says.
public struct DKIMKey: Sendable {
  /// The selector probed (`*` for keys a wildcard answers at every selector).
  public var selector: String
  /// Why the selector was probed (AUDIT-JSON `found_by`).
  public var origin: DKIMSnapshot.Origin
  /// `<selector>._domainkey.<domain>`.
  public var owner: DNSName
  /// Where the record is published: the end of the CNAME chain, or `owner`.
  public var publisher: DNSName
  /// The selector is an alias (RFC 6376 §3.6.2.1 allows it; providers delegate keys this way).
  public var viaCNAME: Bool
  /// Answered by a `*._domainkey` wildcard rather than a record at this selector.
  public var isWildcard: Bool
  /// The TXT record, its strings and its parse.
  public var parsed: ParsedTXT<DKIMKeyRecord>

  public init(
    selector: String, origin: DKIMSnapshot.Origin, owner: DNSName, publisher: DNSName, viaCNAME: Bool,
    isWildcard: Bool, parsed: ParsedTXT<DKIMKeyRecord>
  ) {
    self.selector = selector
    self.origin = origin
    self.owner = owner
    self.publisher = publisher
    self.viaCNAME = viaCNAME
    self.isWildcard = isWildcard
    self.parsed = parsed
  }

  /// The parsed record, when it parses.
  public var record: DKIMKeyRecord? { parsed.record }
  /// Why it does not parse.
  public var error: RecordParseError? { parsed.error }
  /// The joined TXT value.
  public var text: String { parsed.text }

  /// `k=` (default `rsa`), lower-cased as published, also for a record that does not parse
  /// (AUDIT-JSON `key_type`).
  public var keyType: String { record?.keyType.rawValue ?? RawTagList(parsed.txt.joined).dkimKeyType }
  /// The RSA modulus size, or 256 for Ed25519; `nil` when revoked or undecodable (`key_bits`).
  public var keyBits: Int? { record?.keyBits }
  /// `p=` is empty (`revoked`, RFC 6376 §3.6.1).
  public var isRevoked: Bool { record?.isRevoked ?? RawTagList(parsed.txt.joined).isDKIMRevoked }
  /// `t=y` (`testing`).
  public var isTesting: Bool { record?.isTesting ?? RawTagList(parsed.txt.joined).isDKIMTesting }

  /// A key a verifier can use to pass a signature on mail (AUDIT-JSON `valid`): it parses, is not
  /// revoked, covers the `email` service, is RSA of at least 1024 bits or Ed25519 (RFC 8301 §3.2,
  /// RFC 8463), and its `h=` allows sha256 (RFC 8301 §3.1: sha1 signatures are not valid).
  public var isValid: Bool {
    guard let record, record.isUsableForEmail else { return false }
    return record.hashAlgorithms?.contains("sha256") ?? true
  }

  /// `selector._domainkey.domain TXT`, for finding subjects.
  public var subject: String { "\(owner) TXT" }
}
