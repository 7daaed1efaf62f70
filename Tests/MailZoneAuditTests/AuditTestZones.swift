import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneRecords
import Synchronization

/// Collects snapshots from zone text for the snapshot tests, recording every question asked.
enum AuditTestZones {
  /// The snapshot of `domain` over `zones`, with the resolver that recorded the questions.
  static func snapshot(
    _ domain: String, zones: [String], selectors: [String] = [], discover: Bool = true
  ) async throws -> (DomainSnapshot, RecordingResolver) {
    let files = try zones.enumerated().map { index, text in try ZoneFile(text: text, path: "zone \(index + 1)") }
    let recorder = RecordingResolver(upstream: ZoneFileResolver(files: files))
    let cache = CachingResolver(upstream: recorder)
    let options = AuditOptions(selectors: selectors, discoverSelectors: discover)
    let snapshot = await DomainSnapshot.collect(
      try DNSName(domain), context: CollectionContext(resolver: cache, options: options))
    return (snapshot, recorder)
  }

  /// `$ORIGIN` and SOA for a zone at `origin`, then `lines`.
  static func zone(_ origin: String, _ lines: [String]) -> String {
    (["$ORIGIN \(origin).", "@ 300 SOA ns hostmaster 1 3600 600 86400 300"] + lines).joined(separator: "\n")
  }

  static func zone(_ origin: String, _ lines: String...) -> String { zone(origin, lines) }

  /// A TXT record line with `value` split into ≤255-byte strings.
  static func txt(_ owner: String, _ value: String) -> String {
    "\(owner) 300 TXT \(TXTStrings.presentation(value))"
  }
}

/// Forwards to a zone-file resolver and remembers every question, in order.
final class RecordingResolver: Resolver {
  let upstream: ZoneFileResolver
  private let log = Mutex<[String]>([])

  private let batchLog = Mutex<[[String]]>([])

  init(upstream: ZoneFileResolver) { self.upstream = upstream }

  func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
    log.withLock { $0.append("\(name.lowercased) \(type)") }
    return upstream.answer(name, type)
  }

  func queryAll(_ questions: [DNSQuestion]) async -> [DNSResponse] {
    let texts = questions.map { "\($0.name.lowercased) \($0.type)" }
    log.withLock { $0 += texts }
    batchLog.withLock { $0.append(texts) }
    return questions.map { upstream.answer($0.name, $0.type) }
  }

  /// `name TYPE` of every question sent, in order.
  var questions: [String] { log.withLock { $0 } }

  /// The questions of each `queryAll` call, in order.
  var batches: [[String]] { batchLog.withLock { $0 } }
}

/// DKIM public keys built the way `shared/bench/corpus.py` builds them: a DER
/// SubjectPublicKeyInfo around an RSA modulus of exactly `bits` bits (random, odd, top bit set),
/// or 32 random bytes for Ed25519.
enum TestKeys {
  static func rsa(bits: Int) -> String {
    var modulus = (0..<(bits / 8)).map { _ in UInt8.random(in: 0...255) }
    modulus[0] |= 0x80
    modulus[modulus.count - 1] |= 1
    let rsaPublicKey = der(0x30, der(0x02, [0] + modulus) + der(0x02, [1, 0, 1]))
    let rsaEncryption: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
    let algorithm = der(0x30, der(0x06, rsaEncryption) + [0x05, 0x00])
    return Data(der(0x30, algorithm + der(0x03, [0] + rsaPublicKey))).base64EncodedString()
  }

  static func ed25519() -> String {
    Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
  }

  private static func der(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
    var length: [UInt8]
    if content.count < 0x80 {
      length = [UInt8(content.count)]
    } else {
      var count = content.count
      length = []
      while count > 0 {
        length.insert(UInt8(count & 0xFF), at: 0)
        count >>= 8
      }
      length.insert(0x80 | UInt8(length.count), at: 0)
    }
    return [tag] + length + content
  }
}
