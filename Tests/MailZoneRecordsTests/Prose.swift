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
