public import MailZoneDNS

/// A CNAME beside other records at the same name.
public struct ZoneCNAMEAndOtherDataCheck: ZoneCheck {
  public static let description = CheckDescription(
    id: "zone.cname-and-other-data", family: .zone, title: "CNAME beside other data",
    summary: "A name has a CNAME and other records; a CNAME must be the only record at its name.",
    rationale: """
      A CNAME says the name is an alias, so no other data may exist at it (RFC 1034 §3.6.2,
      RFC 2181 §10.1). Servers refuse such a zone or answer inconsistently: some return the
      CNAME, some the other records, so an SPF or DKIM TXT beside a CNAME is seen by some
      receivers and not others. Put the other records on the CNAME's target, or replace the
      CNAME with the records it points to. The finding is at the CNAME's line.
      """,
    severity: .error, references: ["RFC 1034 §3.6.2", "RFC 2181 §10.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "a CNAME alone at its name",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          s1._domainkey 300 CNAME s1.dkim.provider.test.
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "a TXT beside a CNAME",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          mail 300 CNAME relay.provider.test.
          mail 300 TXT "v=spf1 -all"
          """),
    ])

  /// DNSSEC types that RFC 4035 §2.5 allows beside a CNAME.
  static let allowed: Set<UInt16> = [46, 47, 50]

  public init() {}

  public func evaluate(_ source: ZoneSource) -> [Finding] {
    let entries = source.file?.entries ?? []
    var byOwner: [DNSName: [ZoneFile.Entry]] = [:]
    for entry in entries { byOwner[entry.record.owner.lowercased, default: []].append(entry) }
    return entries.filter { $0.record.type == .cname }.compactMap { cname in
      let others = byOwner[cname.record.owner.lowercased, default: []].filter {
        $0.record.type != .cname && !Self.allowed.contains($0.record.type.rawValue)
      }
      guard !others.isEmpty else { return nil }
      let types = Set(others.map { "\($0.record.type)" }).sorted().joined(separator: ", ")
      return finding(
        "\(cname.record.owner) has a CNAME and \(types) records; a CNAME must be alone at its name, "
          + "so resolvers see one or the other", in: source, entry: cname, subject: Self.subject(cname.record),
        record: Self.line(cname.record))
    }
  }
}
