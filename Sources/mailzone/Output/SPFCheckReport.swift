import MailZoneAudit
import MailZoneDNS

/// Renders a check_host() result: the decision trace as text, or JSON.
struct SPFCheckReport {
  let request: SPFCheckRequest
  let result: SPFResult

  func text(style: Style) -> String {
    var out = "check_host(\(request.ip), \(domainText), \(senderText))\n"
    for step in result.trace {
      let indent = String(repeating: "  ", count: step.depth + 1)
      let counters = style.dim("[\(step.lookups) lookups, \(step.voidLookups) void]")
      let term = step.term.map { style.bold($0) + " " } ?? ""
      out += "\(indent)\(counters) \(step.domain): \(term)\(step.detail)\n"
    }
    let code = result.code.rawValue
    let coloured: String
    switch result.code {
    case .pass: coloured = style.green(code)
    case .fail, .permerror, .temperror: coloured = style.red(code)
    default: coloured = style.yellow(code)
    }
    out += "result: \(coloured) (\(result.reason))\n"
    out += "DNS lookups: \(result.lookups) of 10, void lookups: \(result.voidLookups) of 2\n"
    if let explanation = result.explanation { out += "explanation: \(explanation)\n" }
    return out
  }

  private var domainText: String { request.domain ?? request.effectiveSender.domain }
  private var senderText: String { request.effectiveSender.local + "@" + request.effectiveSender.domain }

  func json() -> JSONValue {
    .object([
      ("result", .string(result.code.rawValue)),
      ("explanation", .optional(result.explanation) { .string($0) }),
      ("reason", .string(result.reason)),
      ("domain", .string(domainText)),
      ("ip", .string(request.ip.description)),
      ("sender", .string(request.sender)),
      ("helo", .string(request.helo)),
      ("deciding_term", .optional(result.decidingTerm) { .string($0) }),
      ("deciding_domain", .optional(result.decidingDomain) { .string($0.description) }),
      ("lookups", .int(result.lookups)),
      ("void_lookups", .int(result.voidLookups)),
      ("trace", .array(result.trace.map(stepJSON))),
    ])
  }

  private func stepJSON(_ step: SPFTraceStep) -> JSONValue {
    .object([
      ("kind", .string(step.kind.rawValue)),
      ("depth", .int(step.depth)),
      ("domain", .string(step.domain.description)),
      ("term", .optional(step.term) { .string($0) }),
      ("detail", .string(step.detail)),
      ("cost", .int(step.cost)),
      ("lookups", .int(step.lookups)),
      ("void_lookups", .int(step.voidLookups)),
    ])
  }
}
