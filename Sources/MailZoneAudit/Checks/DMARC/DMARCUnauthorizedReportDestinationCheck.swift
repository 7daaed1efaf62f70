import MailZoneDNS

/// An external `rua`/`ruf` destination that has not published its authorization record.
public struct DMARCUnauthorizedReportDestinationCheck: Check {
  public static let description = CheckDescription(
    id: "dmarc.unauthorized-report-destination", family: .dmarc, title: "External report destination not authorized",
    summary: "Reports go to a domain outside the organization that has not published its _report._dmarc TXT record.",
    rationale: """
      So that nobody can aim a flood of reports at a stranger's mailbox, receivers send reports to a
      `mailto:` address outside the policy's organizational domain only if that destination
      publishes `v=DMARC1` at `<policy domain>._report._dmarc.<destination>` (RFC 7489 §7.1; a
      wildcard `*._report._dmarc.<destination>` authorizes every domain). Without it the URI is
      ignored and the reports are lost, often unnoticed because the vendor's dashboard stays empty.
      The fix is on the vendor's side: it must publish the record, or the address must change.
      """,
    severity: .error, references: ["RFC 7489 §7.1", "RFC 9989 §4.7"],
    examples: [
      CheckExample(
        .passes, domain: "client.test", note: "the vendor authorizes every domain with a wildcard",
        zone: """
          $ORIGIN client.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:agg@vendor.test"
          """,
        extraZones: [
          """
          $ORIGIN vendor.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx.vendor.test.
          mx 300 A 192.0.2.30
          *._report._dmarc 300 TXT "v=DMARC1"
          """
        ]),
      CheckExample(
        .fails, domain: "client.test", note: "the vendor publishes no authorization for client.test",
        zone: """
          $ORIGIN client.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          _dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:agg@vendor.test"
          """,
        extraZones: [
          """
          $ORIGIN vendor.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx.vendor.test.
          mx 300 A 192.0.2.30
          other.test._report._dmarc 300 TXT "v=DMARC1"
          """
        ]),
    ])

  public init() {}

  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] {
    let dmarc = snapshot.dmarc
    guard let location = dmarc.location else { return [] }
    var seen: Set<DNSName> = []
    return dmarc.externalDestinations.compactMap { destination in
      guard destination.authorized == false, let name = destination.authorizationName,
        seen.insert(name).inserted
      else { return nil }
      let offset = dmarc.recordText.flatMap { DMARCFix.offset(of: destination.uri.uri, in: $0) }
      return finding(
        "\(destination.kind.rawValue) \(destination.uri.uri) is outside \(dmarc.organizationalDomainTreeWalk) "
          + "and \(destination.domain) has not authorized it: receivers ignore the address and its reports are "
          + "lost; \(destination.domain) must publish v=DMARC1 at \(name)",
        subject: "\(location) TXT", record: dmarc.recordText, offset: offset,
        fix: DMARCFix.line(name, text: "v=DMARC1"))
    }
  }
}
