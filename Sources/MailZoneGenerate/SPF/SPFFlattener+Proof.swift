public import MailZoneDNS

extension SPFFlattener {
  /// Flattens `domain` and proves the result.
  ///
  /// Keeping an include live is preferred but never at the cost of the proof: a live include
  /// can still hit a limit its flattened networks would not (an `a` with no AAAA is a void lookup
  /// for every IPv6 client). When the preferred flattening is not publishable, the one with only
  /// the includes that must or were asked to stay live is tried, and kept if it is.
  public func flattenAndProve(
    _ domain: DNSName, randomSamples: Int = 256, seed: UInt64 = 7208
  ) async throws(SPFFlattenError) -> (SPFFlattening, SPFEquivalenceProof) {
    let preferred = try await flatten(domain)
    let proof = await SPFEquivalenceProof.run(preferred, resolver: resolver, randomSamples: randomSamples, seed: seed)
    let optional = preferred.live.contains { !preferred.segments[$0].isForcedLive && !isKept(preferred.segments[$0]) }
    guard !preferred.isPublishable(with: proof), optional else { return (preferred, proof) }
    let minimal = try await flatten(domain, optionalLive: false)
    let second = await SPFEquivalenceProof.run(minimal, resolver: resolver, randomSamples: randomSamples, seed: seed)
    return minimal.isPublishable(with: second) ? (minimal, second) : (preferred, proof)
  }
}

extension SPFFlattening {
  /// Fits both budgets, is proven, and the static lookup tree over the new records agrees.
  public func isPublishable(with proof: SPFEquivalenceProof) -> Bool {
    fits && proof.isProven && (proof.lookupsAfter ?? .max) <= options.maxLookups
  }
}
