public import MailZoneRecords

/// SPF macro expansion, for `Benchmarks/Micro` only (`@_spi(Benchmarks) import MailZoneAudit`):
/// the expander itself stays internal to the evaluator.
@_spi(Benchmarks) public enum SPFMacroBenchmarkHooks {
  /// Expands a domain-spec for `request` while evaluating `domain`'s record (RFC 7208 §7),
  /// with `%{p}` as "unknown" (the evaluator resolves it lazily, which needs DNS).
  public static func expandDomain(_ spec: MacroString, request: SPFCheckRequest, domain: String) -> String {
    SPFMacroExpander(request: request, domain: domain, validatedName: "unknown").expandDomain(spec)
  }
}
