/// A line of a domain list that names no domain: reported, and the rest of the list goes on.
public struct MalformedDomainCheck: Check {
  public static let description = CheckDescription(
    id: "input.malformed-domain", family: .input, title: "An input line is not a domain name",
    summary: "A line of the domain list (or an argument) is not a domain name, so it was not audited.",
    rationale: """
      Domain lists come from spreadsheets, CRMs and exports: they hold e-mail addresses, URLs, IP
      addresses, stray spaces and names longer than DNS allows (63 octets a label, 255 a name).
      Such a line cannot be looked up, so it is reported here, with its line number and the reason,
      and the rest of the list is audited as usual. IDNs are not malformed: `bücher.example` is
      audited as its A-label form `xn--bcher-kva.example`, unless a label holds a code point that
      IDNA2008 does not allow (a symbol, a space, a control character).
      """,
    severity: .error, references: ["RFC 1035 §2.3.4", "RFC 1123 §2.1", "RFC 5891 §4"],
    examples: [
      CheckExample(
        .passes, domain: "Bücher.example.", note: "an IDN with a final dot: audited as xn--bcher-kva.example",
        zone: """
          $ORIGIN xn--bcher-kva.example.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          """),
      CheckExample(
        .fails, domain: "postmaster@example.com", note: "an e-mail address where a domain name belongs",
        zone: """
          $ORIGIN example.com.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          """),
      CheckExample(
        .fails, domain: "exa mple.com", note: "a space inside a name",
        zone: """
          $ORIGIN example.com.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          """),
    ])

  public init() {}

  /// Nothing: a snapshot exists only for a name that parsed.
  public func evaluate(_ snapshot: DomainSnapshot) -> [Finding] { [] }

  /// The finding for an input that is not a domain name.
  public func evaluate(input field: String, line: Int?, reason: String) -> [Finding] {
    let place = line.map { "line \($0): " } ?? ""
    return [finding("\(place)'\(field)' is not a domain name: \(reason)", subject: field)]
  }
}
