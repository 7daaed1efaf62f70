import MailZoneAudit
import MailZoneGenerate

/// Renders a flattening and its proof: the zone snippet and a summary, or JSON.
///
/// The records are shown only when they fit and are proven; otherwise the summary says why not,
/// with the addresses where the two sides disagree.
struct SPFFlattenReport {
  let flattening: SPFFlattening
  let proof: SPFEquivalenceProof

  /// Fits, proven, and the static lookup tree over the new records agrees with the budget.
  var publishable: Bool { flattening.isPublishable(with: proof) }

  func text(style: Style) -> String {
    var out = ""
    if publishable {
      out += flattening.zoneRecords.map(\.bindLine).joined(separator: "\n") + "\n\n"
    }
    out += style.bold("summary") + "\n"
    out += "  lookups: \(flattening.lookupsBefore) before, \(flattening.lookupsAfter) after"
    out += " (limit \(flattening.options.maxLookups)); the lookup tree over the new records counts "
    out += proof.lookupsAfter.map(String.init) ?? "nothing (incomplete)"
    out += "\n"
    for record in flattening.zoneRecords {
      out += "  \(record.name): \(record.value.utf8.count) bytes (limit \(flattening.options.maxBytes))\n"
    }
    for (term, reason) in flattening.liveTerms { out += "  live: \(term): \(reason)\n" }
    if let misfit = flattening.misfit { out += style.red("  does not fit: \(misfit)") + "\n" }
    out += "  proof: \(proof.agreeing) of \(proof.tested) addresses agree"
    out += proof.originalPermerrors > 0 ? " (\(proof.originalPermerrors) are a permerror as published)\n" : "\n"
    for disagreement in proof.disagreements.prefix(20) {
      out += style.red("  disagrees: \(disagreement.ip): \(disagreement.original.rawValue) as published, ")
      out += style.red("\(disagreement.flattened.rawValue) flattened") + "\n"
    }
    if proof.disagreements.count > 20 { out += "  ... and \(proof.disagreements.count - 20) more\n" }
    out += publishable ? style.green("proven: publish the records above") + "\n" : style.red("not published") + "\n"
    return out
  }

  func json() -> JSONValue {
    .object([
      ("schema", .string("mailzone.spf-flatten/1")),
      ("domain", .string(flattening.domain.description)),
      ("proven", .bool(proof.isProven)),
      ("fits", .bool(flattening.fits)),
      ("misfit", .optional(flattening.misfit) { .string($0) }),
      ("lookups_before", .int(flattening.lookupsBefore)),
      ("lookups_after", .int(flattening.lookupsAfter)),
      ("records", .array(publishable ? flattening.zoneRecords.map(record) : [])),
      (
        "live",
        .array(flattening.liveTerms.map { .object([("term", .string($0.term)), ("reason", .string($0.reason))]) })
      ),
      (
        "proof",
        .object([
          ("tested", .int(proof.tested)), ("agreeing", .int(proof.agreeing)),
          ("lookups_after", .optional(proof.lookupsAfter) { .int($0) }),
          ("original_permerrors", .int(proof.originalPermerrors)),
          ("disagreements", .array(proof.disagreements.map(disagreement))),
        ])
      ),
    ])
  }

  private func record(_ record: ZoneRecord) -> JSONValue {
    .object([
      ("name", .string(record.name.absoluteText)), ("type", .string(record.type.description)),
      ("ttl", .int(Int(record.ttl))), ("value", .string(record.value)), ("bytes", .int(record.value.utf8.count)),
      ("zone_line", .string(record.bindLine)),
    ])
  }

  private func disagreement(_ item: SPFEquivalenceProof.Disagreement) -> JSONValue {
    .object([
      ("ip", .string(item.ip.description)), ("original", .string(item.original.rawValue)),
      ("flattened", .string(item.flattened.rawValue)),
    ])
  }
}
