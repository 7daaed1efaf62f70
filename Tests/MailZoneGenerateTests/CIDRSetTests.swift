import MailZoneGenerate
import Testing

@Suite("CIDRSet: merging, subtracting and writing back networks")
struct CIDRSetTests {
  struct MergeCase: CustomTestStringConvertible, Sendable {
    var inputs: [String]
    var expected: [String]
    var reason: String
    var testDescription: String { reason }
  }

  static let merges: [MergeCase] = [
    MergeCase(
      inputs: ["192.0.2.0/25", "192.0.2.128/25"], expected: ["192.0.2.0/24"], reason: "two adjacent halves merge"),
    MergeCase(
      inputs: ["192.0.2.0/24", "192.0.2.77"], expected: ["192.0.2.0/24"], reason: "a host inside a network vanishes"),
    MergeCase(
      inputs: ["192.0.2.1", "192.0.2.1"], expected: ["192.0.2.1/32"], reason: "duplicates collapse"),
    MergeCase(
      inputs: ["192.0.2.1", "192.0.2.2"], expected: ["192.0.2.1/32", "192.0.2.2/32"],
      reason: "adjacent hosts across an alignment boundary stay two"),
    MergeCase(
      inputs: ["192.0.2.2", "192.0.2.3"], expected: ["192.0.2.2/31"], reason: "adjacent aligned hosts merge"),
    MergeCase(
      inputs: ["10.0.0.0/9", "10.128.0.0/9", "10.0.0.0/16"], expected: ["10.0.0.0/8"],
      reason: "overlap and adjacency together"),
    MergeCase(
      inputs: ["192.0.2.0/26", "192.0.2.64/26", "192.0.2.128/26"], expected: ["192.0.2.0/25", "192.0.2.128/26"],
      reason: "three quarters write back as a half and a quarter"),
    MergeCase(
      inputs: ["2001:db8::/33", "2001:db8:8000::/33"], expected: ["2001:db8::/32"], reason: "IPv6 halves merge"),
    MergeCase(
      inputs: ["2001:db8::1", "192.0.2.1"], expected: ["192.0.2.1/32", "2001:db8::1/128"],
      reason: "families never mix; IPv4 first"),
    MergeCase(
      inputs: ["0.0.0.0/1", "128.0.0.0/1"], expected: ["0.0.0.0/0"], reason: "the whole IPv4 space"),
    MergeCase(
      inputs: ["255.255.255.255", "255.255.255.254"], expected: ["255.255.255.254/31"],
      reason: "the top of the space does not overflow"),
    MergeCase(
      inputs: ["192.0.2.7/24"], expected: ["192.0.2.0/24"], reason: "host bits are cleared"),
  ]

  @Test("merge", arguments: merges)
  func merge(_ item: MergeCase) throws {
    let networks = try item.inputs.map { try #require(IPNetwork($0)) }
    #expect(CIDRSet(networks).networks.map(\.description) == item.expected)
  }

  struct SubtractCase: CustomTestStringConvertible, Sendable {
    var from: [String]
    var minus: [String]
    var expected: [String]
    var reason: String
    var testDescription: String { reason }
  }

  static let subtractions: [SubtractCase] = [
    SubtractCase(
      from: ["192.0.2.0/24"], minus: ["192.0.2.0/25"], expected: ["192.0.2.128/25"], reason: "the lower half"),
    SubtractCase(
      from: ["192.0.2.0/30"], minus: ["192.0.2.1"], expected: ["192.0.2.0/32", "192.0.2.2/31"],
      reason: "a host out of the middle"),
    SubtractCase(from: ["192.0.2.0/24"], minus: ["0.0.0.0/0"], expected: [], reason: "everything removes all"),
    SubtractCase(
      from: ["192.0.2.0/24", "2001:db8::/127"], minus: ["198.51.100.0/24"],
      expected: ["192.0.2.0/24", "2001:db8::/127"], reason: "disjoint sets are unchanged"),
  ]

  @Test("subtract", arguments: subtractions)
  func subtract(_ item: SubtractCase) throws {
    let from = CIDRSet(try item.from.map { try #require(IPNetwork($0)) })
    let minus = CIDRSet(try item.minus.map { try #require(IPNetwork($0)) })
    #expect(from.subtracting(minus).networks.map(\.description) == item.expected)
  }

  @Test("boundaries: first, last and the neighbours of a network")
  func boundaries() throws {
    let network = try #require(IPNetwork("192.0.2.64/26"))
    #expect(network.first.description == "192.0.2.64")
    #expect(network.last.description == "192.0.2.127")
    #expect(network.below?.description == "192.0.2.63")
    #expect(network.above?.description == "192.0.2.128")
    #expect(try #require(IPNetwork("0.0.0.0/0")).below == nil)
    #expect(try #require(IPNetwork("2001:db8::/32")).last.description == "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff")
    #expect(try #require(IPNetwork("2001:db8::/32")).mechanism == "ip6:2001:db8::/32")
    #expect(try #require(IPNetwork("192.0.2.1")).mechanism == "ip4:192.0.2.1")
  }
}
