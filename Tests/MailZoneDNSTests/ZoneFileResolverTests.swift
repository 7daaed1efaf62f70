import MailZoneDNS
import MailZoneTestSupport
import Testing

/// `ZoneFileResolver` must give the answers NSD gives from the same files.
@Suite("ZoneFileResolver answers as NSD does over the same zone files")
struct ZoneFileResolverTests {
  struct Question: CustomTestStringConvertible, Sendable {
    let name: String
    let type: RRType
    var testDescription: String { "\(name) \(type)" }
  }

  static let questions: [Question] = [
    ("example.test", RRType.txt), ("example.test", .mx), ("example.test", .soa), ("example.test", .ns),
    ("split.example.test", .txt), ("long.example.test", .txt), ("huge.example.test", .txt),
    ("empty.example.test", .txt), ("binary.example.test", .txt), ("several.example.test", .txt),
    ("nullmx.example.test", .mx), ("mx.example.test", .a), ("mx.example.test", .aaaa), ("mx.example.test", .txt),
    ("chain1.example.test", .txt), ("chain1.example.test", .a), ("chain1.example.test", .cname),
    ("chain2.example.test", .mx), ("loop1.example.test", .txt), ("away.example.test", .txt),
    ("dangling.example.test", .txt), ("x.wild.example.test", .txt), ("x.wild.example.test", .a),
    ("x.wild.example.test", .mx), ("y.x.wild.example.test", .txt), ("wild.example.test", .txt),
    ("b.c.example.test", .txt), ("c.example.test", .a), ("deep.b.c.example.test", .txt),
    ("missing.example.test", .txt), ("deleg.example.test", .txt), ("host.deleg.example.test", .a),
    ("_25._tcp.mx.example.test", .tlsa), ("26.2.0.192.in-addr.arpa", .ptr), ("99.2.0.192.in-addr.arpa", .ptr),
    ("target.other.test", .txt),
  ].map { Question(name: $0.0, type: $0.1) }

  @Test(arguments: questions)
  func sameAnswer(_ question: Question) async throws {
    let server = try NSDServer.shared()
    var configuration = LDNSResolverConfiguration(nameservers: [server.nameserver])
    configuration.recursionDesired = false
    let live = try await LDNSResolver(configuration: configuration)
    let files = try ZoneFileResolver(paths: Fixtures.zoneFiles)
    let name = Fixtures.name(question.name)
    let fromServer = await live.lookup(name, question.type)
    let fromFiles = await files.lookup(name, question.type)
    #expect(fromFiles.status == fromServer.status)
    #expect(Set(fromFiles.records) == Set(fromServer.records))
    #expect(fromFiles.cnameChain == fromServer.cnameChain)
  }

  @Test("a delegation without the child's zone is a referral; names in no zone are outside-zones (NSD: REFUSED)")
  func referralAndRefused() async throws {
    let files = try ZoneFileResolver(paths: Fixtures.zoneFiles)
    #expect(await files.txt(Fixtures.name("www.deleg.example.test")).status == .referral)
    #expect(await files.txt(Fixtures.name("example.org")).status == .outsideZones)
    #expect(await files.soa(Fixtures.name("test")).status == .outsideZones)
  }

  @Test("several files with one apex merge; duplicate records count once")
  func merge() async throws {
    let first = try ZoneFile(
      text: "$ORIGIN m.test.\n@ 300 SOA ns h 1 2 3 4 5\n@ 300 TXT \"one\"\n", path: "first.zone")
    let second = try ZoneFile(
      text: "$ORIGIN m.test.\n@ 300 TXT \"two\"\n@ 300 TXT \"one\"\n", path: "second.zone")
    let files = ZoneFileResolver(files: [first, second])
    let answer = await files.txt(Fixtures.name("m.test"))
    #expect(Set(answer.records.map(\.text)) == ["one", "two"])
    #expect(answer.records.count == 2)
  }
}
