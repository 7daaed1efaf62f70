import MailZoneRecords

/// The `l=` and `a=` URIs of a BIMI record read leniently, so a record the parser rejects for a
/// non-https URI can be reported for exactly that, and fixed.
struct BIMILocation {
  /// Tag name (`l` or `a`), value and offset of each URI that is not https.
  var insecure: [RawTagList.Tag]
  /// The record with `http:` URIs made `https:`, when that yields a valid record.
  var fixed: String?

  init(_ text: String) {
    let tags = RawTagList(text).tags
    // BIMI tag names are case-insensitive (draft §4.2); the URI scheme is too (RFC 3986 §3.1).
    insecure = tags.filter { tag in
      ["l", "a"].contains(tag.name.lowercased()) && !tag.value.isEmpty && !tag.value.lowercased().hasPrefix("https:")
    }
    guard !insecure.isEmpty, insecure.allSatisfy({ $0.value.lowercased().hasPrefix("http:") }) else { return }
    let rewritten = tags.map { tag in
      insecure.contains { $0.offset == tag.offset }
        ? "\(tag.name)=https:\(tag.value.dropFirst(5))" : "\(tag.name)=\(tag.value)"
    }.joined(separator: "; ")
    fixed = (try? BIMIRecord.parse(rewritten)).map(\.rendered)
  }
}
