import Foundation
import MailZoneAudit
import MailZoneDNS
import Testing

@Suite("Domain lists: lines, IDNs, malformed names, the lazy reader")
struct DomainInputTests {
  struct Line: CustomTestStringConvertible, Sendable {
    let text: String
    let name: String?
    let reason: String
    var testDescription: String { "\(text.debugDescription) → \(name ?? "malformed"): \(reason)" }
  }

  @Test(arguments: [
    Line(text: "example.com", name: "example.com", reason: "a plain name"),
    Line(text: "  Example.COM.  ", name: "example.com", reason: "spaces, upper case and the final dot"),
    Line(text: "example.com\r", name: "example.com", reason: "CRLF line end"),
    Line(text: "\u{FEFF}example.com", name: "example.com", reason: "a UTF-8 BOM on the first line"),
    Line(text: "example.com,Acme Inc,2024", name: "example.com", reason: "CSV: the first column"),
    Line(text: "\"example.com\",\"Acme, Inc\"", name: "example.com", reason: "CSV: a quoted first field"),
    Line(text: "example.com # our main domain", name: "example.com", reason: "a trailing comment"),
    Line(text: "bücher.example", name: "xn--bcher-kva.example", reason: "an IDN becomes A-labels"),
    Line(text: "_dmarc.example.com", name: "_dmarc.example.com", reason: "underscore labels are DNS names"),
    Line(text: "user@example.com", name: nil, reason: "an e-mail address"),
    Line(text: "https://example.com/", name: nil, reason: "a URL"),
    Line(text: "exa mple.com", name: nil, reason: "a space inside"),
    Line(text: "192.0.2.1", name: nil, reason: "an IPv4 address"),
    Line(text: "2001:db8::1", name: nil, reason: "an IPv6 address"),
    Line(text: "bad..name", name: nil, reason: "an empty label"),
    Line(text: "ex!ample.com", name: nil, reason: "punctuation in a label"),
    Line(text: "-example.com", name: nil, reason: "a leading hyphen"),
    Line(text: String(repeating: "a", count: 64) + ".com", name: nil, reason: "a 64-octet label"),
    Line(text: "☃.example", name: nil, reason: "a symbol IDNA2008 disallows"),
    Line(text: "\u{FFFD}\u{FFFD}.example", name: nil, reason: "bytes that were not UTF-8"),
  ])
  func line(_ c: Line) throws {
    let parsed = DomainInput.parse(line: 7, text: c.text)
    #expect(parsed.line == 7)
    switch parsed.content {
    case .name(let name): #expect(name.description == c.name, "parsed as \(name)")
    case .malformed(_, let reason):
      #expect(c.name == nil, "rejected: \(reason)")
      #expect(!reason.isEmpty)
    case .empty: Issue.record("an empty line")
    }
  }

  @Test("blank lines, comments and a CSV header line are empty, not malformed")
  func empty() {
    for text in ["", "   ", "# a comment", "\r", ",second column only"] {
      #expect(DomainInput.parse(line: 3, text: text).content == .empty, "\(text.debugDescription)")
    }
    #expect(DomainInput.parse(line: 1, text: "domain,owner").content == .empty)
    #expect(DomainInput.parse(line: 2, text: "domain,owner").content != .empty, "only the first line is a header")
  }

  static func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "mailzone-list-\(getpid())-\(UUID().uuidString).txt"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  @Test("the reader splits across its buffer, keeps a last line without newline, cuts a huge line")
  func reader() throws {
    var text = (1...20_000).map { "d\($0).example" }.joined(separator: "\n")
    text += "\n" + String(repeating: "x", count: 100_000) + "\nlast.example"
    let path = try Self.temporaryFile(Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let reader = try DomainListReader(path: path)
    var lines: [(Int, String, Bool)] = []
    while let line = try reader.next() { lines.append(line) }
    #expect(lines.count == 20_002)
    #expect(lines[19_999].1 == "d20000.example")
    #expect(lines[20_000].2, "the 100,000-byte line is flagged as cut")
    #expect(lines[20_000].1.utf8.count == DomainListReader.maxLineBytes)
    #expect(lines[20_001].0 == 20_002 && lines[20_001].1 == "last.example")
    #expect(DomainListReader.lineCount(path: path) == 20_002)
    #expect(throws: DomainListError.self) { try DomainListReader(path: "/nonexistent/list.txt") }
    #expect(throws: DomainListError.self) { try DomainListReader(path: NSTemporaryDirectory()) }
  }

  @Test("DomainStream yields every line in order, judged, and reports a cut line as malformed")
  func stream() async throws {
    let text = "a.example\n# comment\nuser@b.example\n" + String(repeating: "y", count: 5000) + "\nc.example\n"
    let path = try Self.temporaryFile(Array(text.utf8))
    defer { try? FileManager.default.removeItem(atPath: path) }
    var contents: [DomainInputLine] = []
    for try await line in try DomainStream(path: path) { contents.append(line) }
    #expect(contents.map(\.line) == [1, 2, 3, 4, 5])
    #expect(contents[0].content == .name(try DNSName("a.example")))
    #expect(contents[1].content == .empty)
    guard case .malformed(_, let reason) = contents[3].content else {
      Issue.record("the long line was not malformed")
      return
    }
    #expect(reason.contains("longer than"))
  }
}
