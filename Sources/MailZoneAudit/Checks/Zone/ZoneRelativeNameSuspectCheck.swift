public import MailZoneDNS

/// A name that ends in the zone's own name twice: an absolute name written without its dot.
public struct ZoneRelativeNameSuspectCheck: ZoneCheck {
  public static let description = CheckDescription(
    id: "zone.relative-name-suspect", family: .zone, title: "Absolute name written as relative",
    summary: "A name ends in the zone's name twice (mx.example.com.example.com.): a trailing dot is missing.",
    rationale: """
      In a master file a name without a trailing dot is relative: the origin is appended
      (RFC 1035 §5.1). `mail CNAME mx.example.com` in the zone `example.com.` therefore points
      at `mx.example.com.example.com.`, which does not exist, and mail, SPF `mx` terms or the
      delegation that rely on it break without any error from the loader. Owner names and the
      names inside CNAME, MX, NS and PTR records are checked; end the name with a dot.
      """,
    severity: .error, references: ["RFC 1035 §5.1"],
    examples: [
      CheckExample(
        .passes, domain: "acme.test", note: "the target is absolute",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx.acme.test.
          """),
      CheckExample(
        .fails, domain: "acme.test", note: "the dot is missing, so the origin is appended again",
        zone: """
          $ORIGIN acme.test.
          @ 300 SOA ns hostmaster 1 3600 600 86400 300
          @ 300 MX 10 mx.acme.test
          """),
    ])

  public init() {}

  public func evaluate(_ source: ZoneSource) -> [Finding] {
    guard let file = source.file, !file.apex.isRoot else { return [] }
    let apex = file.apex.lowercased
    let doubled = apex.labels + apex.labels
    func suspect(_ name: DNSName) -> Bool { name.lowercased.labels.suffix(doubled.count).elementsEqual(doubled) }
    var findings: [Finding] = []
    for entry in file.entries {
      let record = entry.record
      if suspect(record.owner) {
        findings.append(
          finding(
            "the owner \(record.owner.absoluteText) repeats the zone name: it was probably written without "
              + "its trailing dot", in: source, entry: entry, subject: Self.subject(record), record: Self.line(record)))
      }
      if let target = Self.target(record.data), suspect(target) {
        findings.append(
          finding(
            "the \(record.type) target \(target.absoluteText) repeats the zone name: write "
              + "\(DNSName.dropping(apex.labels.count, from: target).absoluteText) with its trailing dot",
            in: source, entry: entry, column: entry.rdataColumn ?? entry.column, subject: Self.subject(record),
            record: Self.line(record)))
      }
    }
    return findings
  }

  static func target(_ data: RData) -> DNSName? {
    switch data {
    case .cname(let name), .ns(let name), .ptr(let name): return name
    case .mx(let mx): return mx.exchange
    default: return nil
    }
  }
}

extension DNSName {
  /// `name` without its last `count` labels.
  static func dropping(_ count: Int, from name: DNSName) -> DNSName {
    (try? DNSName(labels: Array(name.labels.dropLast(count)))) ?? name
  }
}
