import MailZoneDNS

/// A `rua`/`ruf` mailbox whose domain cannot receive mail (no MX and no address, or a null MX).
public struct DMARCUndeliverableReportDestinationCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.report-destination-undeliverable", family: .dmarc, title: "Report destination cannot receive mail",
    summary: "A rua or ruf mailbox is at a domain with no MX and no address, or with a null MX.",
    rationale: """
      Reports are sent by email (RFC 9989 §4.7: receivers MUST support `mailto:`). A destination
      domain with no MX, A or AAAA record, or with the null MX `0 .` that refuses all mail
      (RFC 7505), makes every report bounce: the owner gets nothing, and receivers that see their
      reports bounce may stop sending them. Point `rua` at a domain that accepts mail.
      """,
    severity: .warning, references: ["RFC 9989 §4.7", "RFC 5321 §5.1", "RFC 7505"],
    examples: [
      CheckExample(
        .passes, domain: "inbox.test", note: "the report mailbox's domain has an MX",
        zone: """
          $ORIGIN inbox.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx.inbox.test.
          mx 300 A 192.0.2.40
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@inbox.test"
          """),
      CheckExample(
        .fails, domain: "parked.test", note: "reports to a domain that publishes a null MX",
        zone: """
          $ORIGIN parked.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 0 .
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@parked.test"
          """),
      CheckExample(
        .fails, domain: "gone.test", note: "reports to a subdomain with neither MX nor address",
        zone: """
          $ORIGIN gone.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:dmarc@reports.gone.test"
          """),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let location = dmarc.location else { return [] }
    var seen: Set<DNSName> = []
    return dmarc.destinations.compactMap { destination in
      guard destination.acceptsMail == false, seen.insert(destination.domain).inserted else { return nil }
      let uris = dmarc.destinations.filter { $0.domain == destination.domain }.map(\.uri.uri)
      let why = destination.mx.records.isEmpty ? "has no MX and no A or AAAA record" : "publishes a null MX (0 .)"
      return finding(
        "\(destination.domain) \(why), so reports to \(uris.joined(separator: ", ")) cannot be delivered",
        subject: "\(location) TXT", record: dmarc.recordText,
        offset: dmarc.recordText.flatMap { DMARCFix.offset(of: destination.uri.uri, in: $0) })
    }
  }
}
