import MailZoneDNS
import Testing

/// `ZoneSource`: a zone file read leniently, every fault listed at its line and column, and the
/// records around the faults still loaded.
@Suite("Zone sources (lenient loading)")
struct ZoneSourceTests {
  static let header = """
    $ORIGIN lenient.test.
    @ 300 SOA ns hostmaster 1 3600 600 86400 300
    """

  func owners(_ source: ZoneSource) -> [String] {
    source.file?.entries.map { "\($0.record.owner) \($0.record.type)" } ?? []
  }

  @Test("several faults are all reported, in file order, and the good records load")
  func severalFaults() throws {
    let source = ZoneSource(
      text: Self.header + """

        a 300 TXT "never closed
        b 300 TXT "fine"
        $TTL 1fortnight
        c 300 A 192.0.2.1
        $BOGUS x
        d 300 A 192.0.2.300
        e 300 A 192.0.2.5
        """, path: "z")
    #expect(source.faults.map(\.rule) == [.unterminatedQuote, .badTTL, .unknownDirective, .syntax])
    #expect(source.faults.map(\.line) == [3, 5, 7, 8])
    #expect(source.faults.first?.column == 11)
    #expect(owners(source) == ["lenient.test SOA", "b.lenient.test TXT", "c.lenient.test A", "e.lenient.test A"])
  }

  @Test("a multi-line record with a fault is left out whole; a missing ')' costs the rest of the file")
  func multiLine() throws {
    let dropped = ZoneSource(
      text: Self.header + """

        a 300 TXT ( "one"
            "two" )
        b 300 TXT "ok" ) 
        c 300 A 192.0.2.1
        """, path: "z")
    #expect(dropped.faults.map(\.rule) == [.unbalancedParenthesis])
    #expect(dropped.faults.first?.line == 5)
    #expect(owners(dropped) == ["lenient.test SOA", "a.lenient.test TXT", "c.lenient.test A"])

    let swallowed = ZoneSource(
      text: Self.header + """

        a 300 TXT ( "one"
        b 300 A 192.0.2.1
        """, path: "z")
    #expect(swallowed.faults.map(\.rule) == [.unbalancedParenthesis])
    #expect(owners(swallowed) == ["lenient.test SOA"])
  }

  @Test("entries carry the column of their first token and of their rdata")
  func columns() throws {
    let source = ZoneSource(text: Self.header + "\n  \t  \nwww   300  IN  TXT   \"x\"\n", path: "z")
    let entry = try #require(source.file?.entries.last)
    #expect(entry.line == 4 && entry.column == 1 && entry.rdataColumn == 22 && entry.ttlColumn == 7)
    #expect(source.line(4) == "www   300  IN  TXT   \"x\"")
  }

  @Test("no apex, or an unreadable file: no zone, one fault")
  func unusable() {
    let noApex = ZoneSource(text: "www 300 A 192.0.2.1\n", path: "z")
    #expect(noApex.file == nil)
    #expect(noApex.faults.map(\.rule).contains(.noApex) || noApex.faults.map(\.rule).contains(.noOrigin))
    let missing = ZoneSource(path: "/nonexistent/zone")
    #expect(missing.file == nil && missing.faults.map(\.rule) == [.unreadable])
  }

  @Test("a TXT string over 255 bytes is a fault at its column; split strings are fine")
  func longStrings() {
    let long = String(repeating: "x", count: 256)
    let source = ZoneSource(
      text: Self.header + "\na 300 TXT \"\(long)\"\nb 300 TXT \"\(long.dropLast(2))\" \"yy\"\n", path: "z")
    #expect(source.faults.map(\.rule) == [.txtStringTooLong])
    #expect(source.faults.first?.column == 11)
    #expect(owners(source).contains("b.lenient.test TXT"))
  }

  @Test("past the re-parse limit the file is not loaded, and that is said")
  func tooManyRejectedRecords() {
    let bad = (0..<70).map { "h\($0) 300 A 192.0.2.999" }.joined(separator: "\n")
    let source = ZoneSource(text: Self.header + "\n" + bad + "\n", path: "z")
    #expect(source.file == nil)
    #expect(source.faults.last?.message.hasPrefix("more than 63 records ldns rejects") == true)
    #expect(source.faults.filter { $0.rule == .syntax }.count == 65)
  }
}
