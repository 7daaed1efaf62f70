import MailZoneRecords
import Testing

/// Messages are lower-case prose; only quoted text (the record's own bytes, literal values such as
/// 'DMARC1') may hold capitals.
func isLowerCaseProse(_ message: String) -> Bool {
  var unquoted = ""
  var inQuote = false
  for character in message {
    if character == "'" {
      inQuote.toggle()
    } else if !inQuote {
      unquoted.append(character)
    }
  }
  return unquoted == unquoted.lowercased()
}

/// Expects `parse` to fail with `code` at `offset`, with a lower-case prose message: the
/// assertion every invalid-record table makes.
func expectRejection<T>(
  code: RecordParseError.Code, offset: Int, sourceLocation: SourceLocation = #_sourceLocation,
  _ parse: () throws -> T
) throws {
  let error = try #require(throws: RecordParseError.self, sourceLocation: sourceLocation) { try parse() }
  #expect(error.code == code, sourceLocation: sourceLocation)
  #expect(error.offset == offset, sourceLocation: sourceLocation)
  #expect(isLowerCaseProse(error.message), "\(error.message)", sourceLocation: sourceLocation)
}

/// One row of a record table: `code` nil for text that must parse, else the rejection expected.
struct RecordCase: Sendable, CustomTestStringConvertible {
  let text: String
  let code: RecordParseError.Code?
  let offset: Int
  let reason: String
  var testDescription: String { reason }
}

/// A valid row parses and survives render → parse unchanged; an invalid one is rejected as
/// `expectRejection` checks.
func expectRoundTripOrRejection<Record: Equatable>(
  _ example: RecordCase, sourceLocation: SourceLocation = #_sourceLocation,
  parse: (String) throws -> Record, render: (Record) -> String
) throws {
  guard let code = example.code else {
    let record = try parse(example.text)
    #expect(try parse(render(record)) == record, sourceLocation: sourceLocation)
    return
  }
  try expectRejection(code: code, offset: example.offset, sourceLocation: sourceLocation) { try parse(example.text) }
}
