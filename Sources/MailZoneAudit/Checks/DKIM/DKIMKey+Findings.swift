import MailZoneRecords

/// What DKIM findings say about a key and how they write its fix.
extension DKIMKey {
  /// `selector 'google'`, with the CNAME target when the key is delegated.
  var label: String {
    let name = isWildcard ? "the *._domainkey wildcard" : "selector '\(selector)'"
    return viaCNAME ? "\(name) (a CNAME to \(publisher))" : name
  }

  /// UTF-8 offset of tag `name` in the record text, if present.
  func offset(ofTag name: String) -> Int? { RawTagList(text)[name]?.offset }

  /// The zone line publishing `record` in place of this one. A delegated key lives in the
  /// provider's zone, where the domain cannot write: no fix then.
  func fix(_ record: DKIMKeyRecord) -> String? {
    viaCNAME ? nil : ZoneLine.txt(owner, record.rendered)
  }

  /// For messages about a delegated key: who has to change it.
  var ownerHint: String { viaCNAME ? "; the key is published by \(publisher), so the provider must change it" : "" }
}
