/// Shared lines of the check examples' zone text.
enum ExampleZone {
  /// `$ORIGIN` and the SOA line every example zone starts with.
  static func header(_ origin: String) -> String {
    "$ORIGIN \(origin).\n@ 300 SOA ns hostmaster 1 3600 600 86400 300"
  }
}
