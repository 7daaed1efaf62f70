import Foundation
import MailZoneRecords
import MailZoneTestSupport
import Testing

/// Any bytes in, a value or a typed error out: no trap, and linear time on 64 KiB inputs.
@Suite("parsers on hostile input")
struct RobustnessTests {
  /// A deterministic xorshift generator, so a failure reproduces.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
  }

  enum Kind: String, CaseIterable, Sendable {
    case spf, dmarc7489, dmarc9989, dkim, mtasts, policy, tlsrpt, bimi, presentation
  }

  /// Runs the parser for `kind`; returns whether it produced a value (errors are fine).
  @discardableResult
  static func run(_ kind: Kind, _ bytes: [UInt8]) -> Bool {
    let text = String(decoding: bytes, as: UTF8.self)
    switch kind {
    case .spf: return (try? SPFRecord.parse(bytes: bytes)) != nil
    case .dmarc7489: return (try? DMARCRecord.parse(bytes: bytes, spec: .rfc7489)) != nil
    case .dmarc9989: return (try? DMARCRecord.parse(bytes: bytes, spec: .rfc9989)) != nil
    case .dkim: return (try? DKIMKeyRecord.parse(bytes: bytes)) != nil
    case .mtasts: return (try? MTASTSRecord.parse(text)) != nil
    case .policy: return (try? MTASTSPolicy.parse(text)) != nil
    case .tlsrpt: return (try? TLSRPTRecord.parse(text)) != nil
    case .bimi: return (try? BIMIRecord.parse(text)) != nil
    case .presentation: return (try? TXTStrings.parsePresentation(text)) != nil
    }
  }

  static let prefixes: [Kind: String] = [
    .spf: "v=spf1 ", .dmarc7489: "v=DMARC1; ", .dmarc9989: "v=DMARC1; ", .dkim: "v=DKIM1; p=", .mtasts: "v=STSv1; ",
    .policy: "version: STSv1\n", .tlsrpt: "v=TLSRPTv1; ", .bimi: "v=BIMI1; ", .presentation: "\"",
  ]

  /// Bytes that matter to the grammars, so random records reach deep into the parsers.
  static let alphabet =
    Array("v=spf1DMARCKIBTSLRP;:,./%{}!-_+~?* \t\r\nalmxip46ex0123456789\"\\".utf8) + [0x00, 0x80, 0xC3, 0xFF]

  @Test("random and mutated records never trap", arguments: Kind.allCases)
  func random(_ kind: Kind) {
    var generator = Generator(state: 0x9E37_79B9_7F4A_7C15 ^ UInt64(kind.rawValue.utf8.count))
    let prefix = Array((Self.prefixes[kind] ?? "").utf8)
    for round in 0..<3000 {
      let length = Int.random(in: 0...80, using: &generator)
      var bytes = round.isMultiple(of: 2) ? prefix : []
      for _ in 0..<length {
        bytes.append(
          round.isMultiple(of: 3)
            ? UInt8.random(in: 0...255, using: &generator) : Self.alphabet.randomElement(using: &generator) ?? 0)
      }
      Self.run(kind, bytes)
    }
  }

  @Test("a valid record with each single byte removed or replaced parses or fails, never traps")
  func mutations() {
    let seeds: [(Kind, String)] = [
      (
        .spf,
        "v=spf1 include:_spf.example.com ip4:192.0.2.0/24 ip6:2001:db8::/32 a:%{d}/24//64 exists:%{ir}.x.example ~all exp=e.%{d}"
      ),
      (.dmarc9989, "v=DMARC1; p=reject; sp=none; rua=mailto:a@example.com!10m; fo=0:d; t=y; psd=n"),
      (.dmarc7489, "v=DMARC1; p=reject; pct=50; ri=3600; rf=afrf; ruf=mailto:f@example.com"),
      (.dkim, "v=DKIM1; h=sha256; k=rsa; s=email; t=s; p=" + TestKeys.rsa1024SPKI),
      (.policy, "version: STSv1\nmode: enforce\nmx: *.example.com\nmax_age: 86400\n"),
    ]
    for (kind, seed) in seeds {
      let bytes = Array(seed.utf8)
      #expect(Self.run(kind, bytes), "the seed for \(kind) must be valid")
      for index in bytes.indices {
        var removed = bytes
        removed.remove(at: index)
        Self.run(kind, removed)
        for replacement: UInt8 in [0x00, 0x20, 0x3B, 0x3D, 0x25, 0xFF] {
          var replaced = bytes
          replaced[index] = replacement
          Self.run(kind, replaced)
        }
      }
    }
  }

  struct Huge: Sendable, CustomTestStringConvertible {
    let name: String
    let kind: Kind
    let prefix: String
    let unit: String
    var testDescription: String { name }

    /// `prefix` then `unit` repeated, cut at exactly 64 KiB.
    var bytes: [UInt8] {
      var bytes = Array(prefix.utf8)
      bytes.reserveCapacity(64 * 1024 + unit.utf8.count)
      while bytes.count < 64 * 1024 { bytes += unit.utf8 }
      return Array(bytes.prefix(64 * 1024))
    }
  }

  static let huge: [Huge] = [
    Huge(name: "64 KiB of spf terms", kind: .spf, prefix: "v=spf1", unit: " ip4:192.0.2.1"),
    Huge(name: "64 KiB spf macro", kind: .spf, prefix: "v=spf1 exists:", unit: "%{d}."),
    Huge(name: "64 KiB of spaces after v=spf1", kind: .spf, prefix: "v=spf1", unit: " "),
    Huge(
      name: "64 KiB of dmarc uris", kind: .dmarc9989, prefix: "v=DMARC1; p=none; rua=mailto:x@example.com",
      unit: ",mailto:a@example.com!10m"),
    Huge(name: "64 KiB of dmarc fo values", kind: .dmarc7489, prefix: "v=DMARC1; p=none; fo=0", unit: ":d"),
    Huge(name: "64 KiB of semicolons", kind: .dmarc9989, prefix: "v=DMARC1", unit: ";"),
    Huge(name: "64 KiB of dkim base64", kind: .dkim, prefix: "v=DKIM1; p=", unit: "QUJD"),
    Huge(name: "64 KiB of dkim folding whitespace", kind: .dkim, prefix: "v=DKIM1; n=", unit: " \r\n a"),
    Huge(
      name: "64 KiB of mx lines", kind: .policy, prefix: "version: STSv1\nmode: enforce\nmax_age: 86400\n",
      unit: "mx: mail.example.com\n"),
    Huge(
      name: "64 KiB of tls-rpt uris", kind: .tlsrpt, prefix: "v=TLSRPTv1; rua=mailto:x@example.com",
      unit: ",mailto:a@example.com"),
    Huge(name: "64 KiB of bimi tags", kind: .bimi, prefix: "v=BIMI1; l=", unit: "; x=y"),
    Huge(name: "64 KiB of presentation escapes", kind: .presentation, prefix: "\"", unit: "\\065"),
  ]

  @Test("a 64 KiB record parses or fails within milliseconds", arguments: huge)
  func linearTime(_ example: Huge) {
    let bytes = example.bytes
    #expect(bytes.count == 64 * 1024)
    // Thread CPU time, not wall time: parallel tests on the two cores cannot inflate it. A linear
    // parse takes a few ms in a debug build, a quadratic one seconds.
    let elapsed = ThreadCPUTime.measure { Self.run(example.kind, bytes) }
    #expect(elapsed < .milliseconds(250), "\(example.name) took \(elapsed) of CPU")
  }
}
