import MailZoneRecords
import Testing

@testable import MailZoneAudit

@Suite("SPF parse cache")
struct SPFParseCacheTests {
  @Test("a cached parse equals a fresh one, errors included")
  func sameAsParsing() throws {
    let cache = SPFParseCache(generation: 8)
    let good = Array("v=spf1 include:_spf.google.com ip4:192.0.2.0/24 -all".utf8)
    let bad = Array("v=spf1 ip4:192.0.2.300 -all".utf8)
    let fresh = try SPFRecord.parse(bytes: good)
    for _ in 0..<3 {
      #expect(try cache.parse(good).get() == fresh)
    }
    let error = #expect(throws: RecordParseError.self) { try SPFRecord.parse(bytes: bad) }
    for _ in 0..<3 {
      guard case .failure(let cached) = cache.parse(bad) else {
        Issue.record("a record that does not parse came back parsed")
        continue
      }
      #expect(cached == error)
    }
    #expect(cache.count == 2)
    #expect(cache.hits == 4)
  }

  @Test("memory stays within two generations; records asked again and again stay")
  func bounded() throws {
    let cache = SPFParseCache(generation: 16)
    let shared = Array("v=spf1 include:_spf.provider.test ~all".utf8)
    let expected = try SPFRecord.parse(bytes: shared)
    for index in 0..<1_000 {
      _ = cache.parse(Array("v=spf1 ip4:192.0.2.\(index % 256) a:host\(index).example.test -all".utf8))
      #expect(try cache.parse(shared).get() == expected)
      #expect(cache.count <= 2 * 16)
    }
    // Parsed once; every later ask is a hit, through every generation turnover.
    #expect(cache.hits == 999)
  }
}
