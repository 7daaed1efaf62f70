import MailZoneRecords

/// The domain publishes no SPF record, so receivers cannot tell its mail from forgeries.
public struct SPFMissingCheck: Check {
  public static let description = CheckDescription(
    id: "spf.missing", family: .spf, title: "No SPF record",
    summary: "The domain has no `v=spf1` TXT record, so SPF evaluates to `none` for its mail.",
    rationale: """
      Without an SPF record a receiver's check_host() returns `none` (RFC 7208 §4.5): it learns
      nothing about which servers may send for the domain. Large mailbox providers require SPF
      or DKIM from every sender and both from bulk senders, and DMARC needs one of them to pass
      and align, so mail from a domain without SPF leans on DKIM alone and is junked or rejected
      when a signature breaks. A domain that sends no mail should say so with `v=spf1 -all`, or
      anyone can send in its name.
      """,
    severity: .error, references: ["RFC 7208 §4.5", "RFC 7208 §2.1", "RFC 7489 §4.2"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "one SPF record",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "v=spf1 ip4:192.0.2.0/24 -all"
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "TXT records, but none of them is SPF",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 TXT "google-site-verification=abc123"
          """),
      CheckExample(
        .fails, domain: "parked.test", note: "a parked domain (null MX) without SPF: fix is v=spf1 -all",
        zone: """
          $ORIGIN parked.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 0 .
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let spf = snapshot.spf
    guard spf.exists == false else { return [] }
    let domain = snapshot.domain
    let others = spf.txt.records.count
    let why: String
    if spf.txt.status == .nxDomain {
      why = "\(domain) does not exist (NXDOMAIN), so it has no SPF record"
    } else if others > 0 {
      why = "\(domain) has \(others) TXT record\(others == 1 ? "" : "s") but none starts with v=spf1"
    } else {
      why = "\(domain) has no SPF record"
    }
    var fix: String?
    if snapshot.mx.nullMX, let deny = try? SPFRecord.parse("v=spf1 -all") {
      // A null MX says the domain takes no mail; a domain that sends none either says `-all`.
      fix = spf.fixLine(deny)
    }
    return [
      finding(
        "\(why): receivers get SPF result 'none' and cannot tell its mail from forgeries", subject: spf.subject,
        fix: fix)
    ]
  }
}
