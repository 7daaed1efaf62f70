import MailZoneAudit
import MailZoneTestSupport
import Testing

/// The static counts of every scenario in `spf.test`, counted by hand from the zone file.
@Suite("SPF lookup tree: counts per scenario")
struct SPFLookupTreeCountTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var domain: String
    var lookups: Int?
    var voids: Int?
    var ipDependent: Int?
    var valid: Bool?
    /// Error-level problem codes expected (exactly).
    var errors: Set<SPFTreeProblem.Code>
    var why: String

    var testDescription: String { "\(domain): \(why)" }
  }

  static let cases: [Case] = [
    Case(
      domain: "google.spf.test", lookups: 4, voids: 0, ipDependent: 0, valid: true, errors: [],
      why: "include:_spf.google.test (1) and its three _netblocks includes (3)"),
    Case(
      domain: "ten.spf.test", lookups: 10, voids: 0, ipDependent: 0, valid: true, errors: [],
      why: "exactly at the limit: 4 + a + mx + a: + a: + exists: + mx:"),
    Case(
      domain: "eleven.spf.test", lookups: 11, voids: 0, ipDependent: 0, valid: false, errors: [.tooManyLookups],
      why: "one over the limit, spent inside a nested include"),
    Case(
      domain: "twovoids.spf.test", lookups: 2, voids: 2, ipDependent: 0, valid: true, errors: [],
      why: "an NXDOMAIN a: and a NODATA mx: are two void lookups: allowed"),
    Case(
      domain: "threevoids.spf.test", lookups: 3, voids: 3, ipDependent: 0, valid: false,
      errors: [.tooManyVoidLookups], why: "a third void lookup (exists: NXDOMAIN) is a permerror"),
    Case(
      domain: "loop.spf.test", lookups: 2, voids: 0, ipDependent: 0, valid: false, errors: [.loop],
      why: "loop → loop2 → loop: the looping include is counted, not followed"),
    Case(
      domain: "selfredirect.spf.test", lookups: 1, voids: 0, ipDependent: 0, valid: false, errors: [.loop],
      why: "a record that redirects to itself"),
    Case(
      domain: "incnx.spf.test", lookups: 1, voids: 1, ipDependent: 0, valid: false, errors: [.includeWithoutRecord],
      why: "include of an NXDOMAIN name: void, and permerror (RFC 7208 §5.2)"),
    Case(
      domain: "incnospf.spf.test", lookups: 1, voids: 0, ipDependent: 0, valid: false,
      errors: [.includeWithoutRecord], why: "include of a name whose TXT is not SPF: not void, still permerror"),
    Case(
      domain: "redirnx.spf.test", lookups: 1, voids: 1, ipDependent: 0, valid: false,
      errors: [.redirectWithoutRecord], why: "redirect to an NXDOMAIN name"),
    Case(
      domain: "redirect.spf.test", lookups: 3, voids: 0, ipDependent: 0, valid: true, errors: [],
      why: "redirect (1) to a record with a: and mx: (2)"),
    Case(
      domain: "redirectall.spf.test", lookups: 1, voids: 0, ipDependent: 0, valid: true, errors: [],
      why: "redirect next to -all is ignored and not counted (RFC 7208 §6.1)"),
    Case(
      domain: "macros.spf.test", lookups: 4, voids: 0, ipDependent: 4, valid: true, errors: [],
      why: "three macro targets and ptr: counted, void status depends on the client"),
    Case(
      domain: "ptr.spf.test", lookups: 1, voids: 0, ipDependent: 1, valid: true, errors: [],
      why: "ptr:spf.test depends on the client's PTR names"),
    Case(
      domain: "mx10.spf.test", lookups: 1, voids: 0, ipDependent: 0, valid: true, errors: [],
      why: "10 MX names is the limit, allowed"),
    Case(
      domain: "mx11.spf.test", lookups: 1, voids: 0, ipDependent: 0, valid: false, errors: [.tooManyMXNames],
      why: "11 MX names is a permerror (RFC 7208 §4.6.4)"),
    Case(
      domain: "mxnull.spf.test", lookups: 1, voids: 0, ipDependent: 0, valid: true, errors: [],
      why: "a null MX is one MX record, not a void lookup"),
    Case(
      domain: "multiple.spf.test", lookups: nil, voids: nil, ipDependent: nil, valid: false,
      errors: [.multipleRecords], why: "two v=spf1 records: permerror before any term"),
    Case(
      domain: "malformed.spf.test", lookups: 5, voids: 0, ipDependent: 0, valid: false, errors: [.malformedRecord],
      why: "a bad ip4 term: permerror, but the terms that parse are still counted (4 + a:)"),
    Case(
      domain: "incmalformed.spf.test", lookups: 6, voids: 0, ipDependent: 0, valid: false,
      errors: [.malformedRecord], why: "include of a malformed record"),
    Case(
      domain: "incmultiple.spf.test", lookups: 1, voids: 0, ipDependent: 0, valid: false,
      errors: [.multipleRecords], why: "include of a domain with two records"),
    Case(
      domain: "afterall.spf.test", lookups: 5, voids: 0, ipDependent: 0, valid: true, errors: [],
      why: "terms after all are never evaluated but the static count includes them"),
    Case(
      domain: "nothing.spf.test", lookups: nil, voids: nil, ipDependent: nil, valid: nil, errors: [.noRecord],
      why: "no SPF record at all: check_host returns none"),
    Case(
      domain: "cycle0.spf.test", lookups: 22, voids: 0, ipDependent: 0, valid: false,
      errors: [.tooDeep, .tooManyLookups],
      why: "a cycle of 50 includes: followed 21 deep, the 22nd include counted and not followed"),
  ]

  @Test(arguments: cases)
  func counts(_ scenario: Case) async throws {
    let tree = try await SPFTreeFixtures.tree(scenario.domain)
    #expect(tree.lookups == scenario.lookups, "lookups")
    #expect(tree.voidLookups == scenario.voids, "void lookups")
    #expect(tree.voidLookupsIPDependent == scenario.ipDependent, "ip-dependent void lookups")
    #expect(tree.valid == scenario.valid, "valid")
    #expect(tree.errorCodes == scenario.errors, "errors: \(tree.problems.map(\.message))")
    #expect(tree.isComplete)
    #expect(!tree.truncated)
  }

  @Test("the lookups of the tree are the sum of each node's own terms")
  func sumOfNodes() async throws {
    for scenario in Self.cases where scenario.lookups != nil {
      let tree = try await SPFTreeFixtures.tree(scenario.domain)
      #expect(tree.nodes.reduce(0) { $0 + $1.ownLookups } == tree.lookups, "\(scenario.domain)")
      #expect(tree.root.subtreeLookups == tree.lookups, "\(scenario.domain)")
    }
  }
}
