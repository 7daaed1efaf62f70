import MailZoneAudit
import MailZoneDNS
import MailZoneRecords
import Synchronization
import Testing

/// DMARC collection: the RFC 9989 tree walk, receivers' reading of broken records, and the
/// authorization of external report destinations, over zone text.
@Suite("DMARC snapshot: tree walk, reading, report authorization")
struct DMARCSnapshotTests {
  /// Passes questions to zone files and remembers the TXT names asked.
  final class Recorder: Resolver {
    let upstream: ZoneFileResolver
    private let asked = Mutex<[String]>([])
    init(_ zones: [String]) throws {
      upstream = ZoneFileResolver(files: try zones.enumerated().map { try ZoneFile(text: $1, path: "zone \($0)") })
    }
    func query(_ name: DNSName, _ type: RRType) async -> DNSResponse {
      if type == .txt { asked.withLock { $0.append(name.description) } }
      return await upstream.query(name, type)
    }
    var dmarcQueries: [String] { asked.withLock { $0.filter { $0.hasPrefix("_dmarc.") } } }
    var txtQueries: [String] { asked.withLock { $0 } }
  }

  static func zone(_ origin: String, _ lines: String...) -> String {
    (["$ORIGIN \(origin).", "@ 300 SOA ns hostmaster 1 3600 600 86400 300"] + lines).joined(separator: "\n")
  }

  static func collect(_ domain: String, _ zones: [String]) async throws -> (DMARCSnapshot, Recorder) {
    let recorder = try Recorder(zones)
    let context = CollectionContext(resolver: recorder)
    return (await DomainSnapshot.collect(try DNSName(domain), context: context).dmarc, recorder)
  }

  // MARK: tree walk

  @Test("RFC 9989 §4.10's example: 13 labels take eight queries, shortened to seven labels after the first")
  func targetsOfALongName() throws {
    let targets = DMARCTreeWalk.targets(from: try DNSName("a.b.c.d.e.f.g.h.i.j.mail.example.com")).map(\.description)
    #expect(
      targets == [
        "a.b.c.d.e.f.g.h.i.j.mail.example.com", "g.h.i.j.mail.example.com", "h.i.j.mail.example.com",
        "i.j.mail.example.com", "j.mail.example.com", "mail.example.com", "example.com", "com",
      ])
  }

  struct Labels: Sendable, CustomTestStringConvertible {
    let labels: Int
    let queries: Int
    var testDescription: String { "\(labels) labels: \(queries) queries" }
  }

  @Test(
    "at most eight queries whatever the depth",
    arguments: [
      Labels(labels: 1, queries: 1), Labels(labels: 3, queries: 3), Labels(labels: 7, queries: 7),
      Labels(labels: 8, queries: 8), Labels(labels: 9, queries: 8), Labels(labels: 40, queries: 8),
    ])
  func queryBudget(_ c: Labels) async throws {
    let domain = (0..<(c.labels - 1)).map { "l\($0)." }.joined() + "test"
    #expect(DMARCTreeWalk.targets(from: try DNSName(domain)).count == c.queries)
    let (snapshot, recorder) = try await Self.collect(domain, [Self.zone("test")])
    #expect(recorder.dmarcQueries.count == c.queries)
    #expect(snapshot.walk.steps.count == c.queries)
    #expect(snapshot.organizationalDomainTreeWalk == (try DNSName(domain)), "no record: the start domain")
  }

  @Test("a domain three levels below its organizational domain inherits the subdomain policy")
  func threeLevelsBelow() async throws {
    let zone = Self.zone(
      "example.test", "a.b.c 300 A 192.0.2.1", #"_dmarc 300 TXT "v=DMARC1; p=reject; sp=quarantine""#)
    let (snapshot, recorder) = try await Self.collect("a.b.c.example.test", [zone])
    #expect(
      recorder.dmarcQueries == [
        "_dmarc.a.b.c.example.test", "_dmarc.b.c.example.test", "_dmarc.c.example.test", "_dmarc.example.test",
        "_dmarc.test",
      ])
    #expect(snapshot.source == .organizationalDomain)
    #expect(snapshot.location == (try DNSName("_dmarc.example.test")))
    #expect(snapshot.organizationalDomainTreeWalk == (try DNSName("example.test")))
    #expect(snapshot.effectivePolicy == .quarantine, "an existing subdomain gets sp")
    #expect(snapshot.exists && snapshot.recordCount == 1 && snapshot.valid == true)
  }

  @Test("a PSD record with psd=y stops the walk; the name below it is the organizational domain")
  func publicSuffixDomain() async throws {
    let tld = Self.zone("psd", #"_dmarc 300 TXT "v=DMARC1; p=reject; sp=quarantine; np=reject; psd=y""#)
    let agency = Self.zone("agency.psd", "mail 300 A 192.0.2.2")
    let (snapshot, recorder) = try await Self.collect("mail.agency.psd", [tld, agency])
    #expect(recorder.dmarcQueries == ["_dmarc.mail.agency.psd", "_dmarc.agency.psd", "_dmarc.psd"])
    #expect(snapshot.source == .publicSuffixDomain)
    #expect(snapshot.organizationalDomainTreeWalk == (try DNSName("agency.psd")))
    #expect(snapshot.effectivePolicy == .quarantine)
    let (missing, _) = try await Self.collect("nosuch.agency.psd", [tld, agency])
    #expect(missing.effectivePolicy == .reject, "a non-existent domain gets np (RFC 9989 §4.10.1)")
  }

  @Test("psd=n ends the walk at a subdomain that is its own organizational domain")
  func psdNo() async throws {
    let zone = Self.zone(
      "example.test", #"_dmarc 300 TXT "v=DMARC1; p=none""#, #"_dmarc.mail 300 TXT "v=DMARC1; p=reject; psd=n""#)
    let (snapshot, recorder) = try await Self.collect("a.mail.example.test", [zone])
    #expect(recorder.dmarcQueries == ["_dmarc.a.mail.example.test", "_dmarc.mail.example.test"])
    #expect(snapshot.organizationalDomainTreeWalk == (try DNSName("mail.example.test")))
    #expect(snapshot.effectivePolicy == .reject)
  }

  @Test("records at mail.example and example: the one with the fewest labels is the organizational domain")
  func fewestLabels() async throws {
    let zone = Self.zone(
      "example.test", #"_dmarc 300 TXT "v=DMARC1; p=quarantine""#, #"_dmarc.mail 300 TXT "v=DMARC1; p=reject""#)
    let (snapshot, _) = try await Self.collect("a.mail.example.test", [zone])
    #expect(snapshot.organizationalDomainTreeWalk == (try DNSName("example.test")))
    #expect(snapshot.source == .organizationalDomain && snapshot.effectivePolicy == .quarantine)
    let (own, _) = try await Self.collect("mail.example.test", [zone])
    #expect(own.source == .domain && own.effectivePolicy == .reject, "the domain's own record comes first")
    #expect(own.organizationalDomainTreeWalk == (try DNSName("example.test")))
  }

  @Test("several records at the domain are discarded and the walk goes on (RFC 9989 §4.10 step 2)")
  func severalRecords() async throws {
    let zone = Self.zone(
      "example.test", #"_dmarc 300 TXT "v=DMARC1; p=reject""#, #"_dmarc.sub 300 TXT "v=DMARC1; p=none""#,
      #"_dmarc.sub 300 TXT "v=DMARC1; p=quarantine""#)
    let (snapshot, _) = try await Self.collect("sub.example.test", [zone])
    #expect(snapshot.recordCount == 2 && snapshot.exists && snapshot.valid == false)
    #expect(snapshot.source == .organizationalDomain && snapshot.effectivePolicy == .reject)
  }

  // MARK: reading

  struct Reading: Sendable, CustomTestStringConvertible {
    let record: String
    let effective: DMARCPolicy?
    let valid: Bool
    let reason: String
    var testDescription: String { reason }
  }

  static let readings: [Reading] = [
    Reading(
      record: "v=DMARC1; p=rejected; rua=mailto:d@r.test", effective: DMARCPolicy.none, valid: false,
      reason: "an invalid p with a valid rua acts as p=none (RFC 9989 §4.10.1)"),
    Reading(record: "v=DMARC1; p=rejected", effective: nil, valid: false, reason: "an invalid p and no rua: no DMARC"),
    Reading(
      record: "v=DMARC1; rua=mailto:d@r.test", effective: DMARCPolicy.none, valid: true,
      reason: "no p but a valid rua acts as p=none"),
    Reading(record: "v=DMARC1", effective: nil, valid: false, reason: "neither p nor rua: receivers apply nothing"),
    Reading(
      record: "v=DMARC1; p=reject; adkim=x", effective: .reject, valid: false,
      reason: "a broken tag other than the policy is dropped (RFC 9989 §4.7)"),
    Reading(
      record: "v=DMARC1; p=reject; sp=bogus; rua=mailto:d@r.test", effective: DMARCPolicy.none, valid: false,
      reason: "an invalid sp makes receivers act as p=none"),
    Reading(
      record: "v=DMARC1; p=quarantine; pct=150", effective: .quarantine, valid: true,
      reason: "RFC 9989 has no pct, so an out-of-range value is ignored"),
  ]

  @Test("how a receiver reads the record", arguments: readings)
  func reading(_ c: Reading) async throws {
    let zone = Self.zone("r.test", "_dmarc 300 TXT \"\(c.record)\"")
    let (snapshot, _) = try await Self.collect("r.test", [zone])
    #expect(snapshot.effectivePolicy == c.effective)
    #expect(snapshot.valid == c.valid)
    #expect(snapshot.recordText == c.record)
  }

  // MARK: report authorization

  static let vendor = zone(
    "vendor.test", "@ 300 MX 10 mx.vendor.test.", "mx 300 A 192.0.2.3",
    #"acme.test._report._dmarc 300 TXT "v=DMARC1""#, #"wild._report._dmarc 300 TXT "v=spf1 -all""#)
  static let wildcardVendor = zone("any.test", "@ 300 MX 10 mx.any.test.", #"*._report._dmarc 300 TXT "v=DMARC1""#)

  @Test("external destinations: explicit, wildcard and missing authorization; internal ones need none")
  func authorization() async throws {
    let acme = Self.zone(
      "acme.test", "@ 300 MX 10 mx.acme.test.", "mx 300 A 192.0.2.4",
      #"_dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:a@vendor.test,mailto:b@any.test,mailto:c@reports.acme.test; ruf=mailto:d@none.vendor.test""#
    )
    let (snapshot, recorder) = try await Self.collect("acme.test", [acme, Self.vendor, Self.wildcardVendor])
    let facts = snapshot.destinations.map { ($0.domain.description, $0.isExternal, $0.authorized) }
    #expect(facts.map(\.0) == ["vendor.test", "any.test", "reports.acme.test", "none.vendor.test"])
    #expect(facts.map(\.1) == [true, true, false, true])
    #expect(facts.map(\.2) == [true, true, nil, false])
    #expect(snapshot.destinations[3].authorizationName == (try DNSName("acme.test._report._dmarc.none.vendor.test")))
    #expect(snapshot.destinations[2].authorizationName == nil)
    #expect(recorder.txtQueries.contains("acme.test._report._dmarc.vendor.test"))
    #expect(
      !recorder.txtQueries.contains { $0.hasSuffix("_report._dmarc.reports.acme.test") }, "none for internal ones")
  }

  @Test("a subdomain's inherited record is authorized under the domain that published it (RFC 7489 §7.1)")
  func inheritedAuthorization() async throws {
    let acme = Self.zone(
      "acme.test", "shop 300 A 192.0.2.5",
      #"_dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:a@vendor.test,mailto:x@acme.test""#)
    let (snapshot, _) = try await Self.collect("shop.acme.test", [acme, Self.vendor])
    #expect(snapshot.externalDestinations.map(\.domain.description) == ["vendor.test"])
    #expect(snapshot.externalDestinations.first?.authorized == true)
  }

  @Test("a TXT at the authorization name that is not v=DMARC1 does not authorize")
  func wrongAuthorizationRecord() async throws {
    let wild = Self.zone("wild", #"_dmarc 300 TXT "v=DMARC1; p=none; rua=mailto:r@vendor.test""#)
    let (snapshot, _) = try await Self.collect("wild", [wild, Self.vendor])
    #expect(snapshot.externalDestinations.first?.authorized == false)
  }

  @Test("report domains without MX or address, or with a null MX, cannot take reports")
  func deliverability() async throws {
    let acme = Self.zone(
      "acme.test", "@ 300 MX 0 .", "host.acme.test. 300 A 192.0.2.6",
      #"_dmarc 300 TXT "v=DMARC1; p=reject; rua=mailto:a@acme.test,mailto:b@host.acme.test,mailto:c@void.acme.test""#)
    let (snapshot, _) = try await Self.collect("acme.test", [acme])
    #expect(snapshot.destinations.map(\.acceptsMail) == [false, true, false])
  }
}
