import MailZoneDNS
import MailZoneGenerate
import MailZoneTestSupport
import Testing

@Suite("ZoneRecord: BIND lines that load back as the same records")
struct ZoneRecordTests {
  @Test("a TXT over 255 bytes is split into quoted strings, and ldns reads back the same value")
  func longTXT() throws {
    let value = "v=spf1 " + (1...40).map { "ip4:198.51.100.\($0)" }.joined(separator: " ") + " -all"
    let record = ZoneRecord(
      name: Fixtures.name("acme.test"), type: .txt, ttl: 300, value: value, comment: "resolves spf.lookup-limit")
    let line = record.bindLine
    #expect(line.hasPrefix("; resolves spf.lookup-limit\nacme.test. 300 IN TXT \""))
    let zone = try ZoneFile(text: "$ORIGIN acme.test.\n@ 300 SOA ns h 1 2 3 4 5\n" + line + "\n", path: "round-trip")
    let txt = try #require(zone.entries.first { $0.record.type == .txt })
    guard case .txt(let data) = txt.record.data else {
      Issue.record("not TXT")
      return
    }
    #expect(data.text == value)
    #expect(data.strings.allSatisfy { $0.count <= 255 })
    #expect(data.strings.count == (value.utf8.count + 254) / 255)
  }

  @Test("other types are written as given")
  func mx() {
    let record = ZoneRecord(name: Fixtures.name("acme.test"), type: .mx, value: "0 .")
    #expect(record.bindLine == "acme.test. 3600 IN MX 0 .")
  }
}
