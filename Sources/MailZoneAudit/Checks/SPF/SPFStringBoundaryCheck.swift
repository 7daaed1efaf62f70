import MailZoneRecords

/// A split between character-strings that lost the space between two terms.
public struct SPFStringBoundaryCheck: Check {
  public static let description = CheckDescription(
    id: "spf.string-boundary", family: .spf, title: "SPF strings joined without a space",
    summary: "Two character-strings of the record meet without a space where one term ends and another starts.",
    rationale: """
      Receivers join the strings of a TXT record with nothing in between (RFC 7208 §3.3). When a
      long record is split at a space and the space is dropped — `"... ip4:192.0.2.1"
      "include:_spf.example.com -all"` — the two terms fuse into one (`ip4:192.0.2.1include:...`),
      which is a syntax error or names a domain that does not exist: `permerror` for every
      message. Tools and DNS panels that split records at spaces cause this. Put the space at
      the end of the first string or the start of the next; mailzone writes the record with it.
      """,
    severity: .error, references: ["RFC 7208 §3.3", "RFC 1035 §3.3.14"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the space is kept at the split",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 " "ip4:198.51.100.0/24 -all"
          """),
      CheckExample(
        .passes, domain: "acme.test", note: "a split in the middle of a term is fine",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 ip4:198.51" ".100.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the space was dropped between two terms",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24" "ip4:198.51.100.0/24 -all"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard let txt = spf.records.first, spf.records.count == 1, txt.strings.count > 1 else { return [] }
    let joined = txt.joined
    var boundaries: [(offset: Int, fused: String, start: Int)] = []
    var offset = 0
    for (left, right) in zip(txt.strings, txt.strings.dropFirst()) {
      offset += left.count
      // Tokens are taken inside each string: a term split across strings is not a whole term.
      let before = Self.lastToken(of: left[...])
      let after = Self.firstToken(of: right[...])
      guard left.last != 0x20, right.first != 0x20, Self.isTerm(before), Self.isTerm(after) else { continue }
      // A fused term that evaluates cleanly was split on purpose (a name cut in two that resolves).
      let fused = spf.tree.root.terms.first { $0.offset == offset - before.count }
      if let fused, fused.syntaxError == nil, !fused.void, fused.dnsError == nil,
        fused.child.map({ $0.status == .found }) ?? true
      {
        continue
      }
      boundaries.append((offset, String(decoding: before + after, as: UTF8.self), offset - before.count))
    }
    guard !boundaries.isEmpty else { return [] }
    var spaced = joined
    for boundary in boundaries.reversed() { spaced.insert(0x20, at: boundary.offset) }
    let fix = (try? SPFRecord.parse(bytes: spaced)).flatMap { spf.fixLine($0) }
    return boundaries.map { boundary in
      finding(
        "two strings meet at byte \(boundary.offset) without a space, so receivers read '\(boundary.fused)' as "
          + "one term", subject: spf.subject, record: txt.text, offset: boundary.start, fix: fix)
    }
  }

  static func lastToken(of bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    bytes[((bytes.lastIndex(of: 0x20)).map { $0 + 1 } ?? bytes.startIndex)...]
  }

  static func firstToken(of bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    bytes[..<(bytes.firstIndex(of: 0x20) ?? bytes.endIndex)]
  }

  /// Whether `token` is a whole SPF term on its own (not the version, not a fragment).
  static func isTerm(_ token: ArraySlice<UInt8>) -> Bool {
    guard !token.isEmpty, !SPFRecord.isSPF(bytes: Array(token)) else { return false }
    guard let record = try? SPFRecord.parse(bytes: Array("v=spf1 ".utf8) + token) else { return false }
    return record.terms.count == 1
  }
}
