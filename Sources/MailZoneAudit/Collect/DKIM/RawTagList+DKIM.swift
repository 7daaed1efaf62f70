/// The DKIM reading of a lenient tag list (RFC 6376 §3.6.1).
extension RawTagList {
  /// `k=` lower-cased, default `rsa` (RFC 6376 §3.6.1).
  var dkimKeyType: String { self["k"].map { $0.value.lowercased() } ?? "rsa" }
  /// `p=` present and empty (folding whitespace aside): a revoked key.
  var isDKIMRevoked: Bool {
    guard let p = self["p"] else { return false }
    return p.value.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" }
  }
  /// `t=` lists the `y` flag.
  var isDKIMTesting: Bool {
    guard let t = self["t"] else { return false }
    return t.value.split(separator: ":").contains { $0.filter { !$0.isWhitespace }.lowercased() == "y" }
  }

  /// Whether a TXT value at a selector is meant as a key record: it starts with a `v=DKIM…` tag,
  /// or, without a version, carries one of the key tags. Other TXT data there (an SPF record
  /// synthesized by a wildcard, a verification token) is not a key and is not judged as one.
  static func isDKIMKeyCandidate(_ bytes: [UInt8]) -> Bool {
    let raw = RawTagList(bytes)
    if let first = raw.tags.first, first.name.lowercased() == "v" {
      return first.value.lowercased().hasPrefix("dkim")
    }
    return raw.tags.contains { ["p", "k", "h", "s", "t", "n"].contains($0.name) }
  }
}
