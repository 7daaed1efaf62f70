import MailZoneAudit
import MailZoneDNS

/// Renders a lookup tree: box-drawing text, or JSON (`SPFTreeReport+JSON.swift`).
///
/// In the text, each record is shown once under the term that reaches it; the terms listed are
/// the ones that cost a lookup or matter for it (`all`, an ignored redirect, a syntax error), each
/// with `+cost → running total`. `ip4`, `ip6` and `exp=` are only in the record text.
struct SPFTreeReport {
  let tree: SPFLookupTree

  func text(style: Style) -> String {
    var lines = [style.bold(tree.domain.description) + "  " + recordText(tree.root, style: style)]
    if case .multiple = tree.root.status { lines += tree.root.records.map { "    " + $0 } }
    lines += nodeLines(tree.root, prefix: "", style: style)
    lines.append("")
    lines += summaryLines(style: style)
    return lines.joined(separator: "\n") + "\n"
  }

  /// The terms worth a line of their own. `all` decides the result only in the top record and
  /// in redirect targets; inside an include it only ends the search, so it is left in the text.
  static func visible(_ node: SPFTreeNode) -> [SPFTreeTerm] {
    node.terms.filter {
      $0.cost > 0 || ($0.name == "all" && node.edge != .include) || $0.ignored || $0.syntaxError != nil
        || $0.truncated
    }
  }

  private func nodeLines(_ node: SPFTreeNode, prefix: String, style: Style) -> [String] {
    let terms = Self.visible(node)
    var lines: [String] = []
    for (index, term) in terms.enumerated() {
      let last = index == terms.count - 1
      lines.append(prefix + (last ? "└── " : "├── ") + termText(term, style: style))
      guard let child = term.child else { continue }
      let inner = prefix + (last ? "    " : "│   ")
      let bar = Self.visible(child).isEmpty ? "   " : "│  "
      for (offset, text) in recordLines(child, style: style).enumerated() {
        lines.append(inner + bar + (offset == 0 ? text : "   " + text))
      }
      lines += nodeLines(child, prefix: inner, style: style)
    }
    return lines
  }

  /// One term: text, cost and running total, then what is special about it.
  private func termText(_ term: SPFTreeTerm, style: Style) -> String {
    var out = term.text
    if term.cost > 0 {
      let count = "+\(term.cost) → \(term.lookups)"
      out += "  " + (term.lookups > tree.limits.dnsMechanisms ? style.red(count) : count)
    }
    var marks: [String] = []
    if term.lookups == tree.limits.dnsMechanisms, term.cost > 0 {
      marks.append(style.yellow("← \(ordinal(term.lookups)) lookup: the last one allowed"))
    }
    if term.lookups == tree.limits.dnsMechanisms + 1, term.cost > 0 {
      marks.append(style.red("← \(ordinal(term.lookups)) lookup: over the limit"))
    }
    if term.ipDependent { marks.append(style.cyan("[depends on the client IP: counted, not followed]")) }
    if term.void { marks.append(style.yellow("void lookup (\(term.voidLookups) of \(tree.limits.voidLookups))")) }
    if let names = term.mxNames, names > 0 {
      let text = "\(names) MX name\(names == 1 ? "" : "s")"
      marks.append(names > tree.limits.mxNames ? style.red(text + ": over the limit of \(tree.limits.mxNames)") : text)
    }
    if let status = term.dnsError {
      marks.append(
        status == .outsideZones ? style.yellow("outside the zone files: unknown") : style.red("DNS failure: \(status)"))
    }
    if term.ignored { marks.append(style.dim("ignored: the record has 'all' (RFC 7208 §6.1)")) }
    if term.afterAll { marks.append(style.dim("after 'all': never evaluated")) }
    if let error = term.syntaxError { marks.append(style.red("syntax error: \(error)")) }
    if term.truncated { marks.append(style.red("not followed: the tree's budget is spent")) }
    return ([out] + marks).joined(separator: "  ")
  }

  /// The record line(s) of a node: its text, or why there is none.
  private func recordLines(_ node: SPFTreeNode, style: Style) -> [String] {
    switch node.status {
    case .multiple: return [style.red("\(node.records.count) SPF records at \(node.domain):")] + node.records
    default: return [style.bold(node.domain.description) + "  " + recordText(node, style: style)]
    }
  }

  private func recordText(_ node: SPFTreeNode, style: Style) -> String {
    switch node.status {
    case .found: return style.dim(node.record ?? "")
    case .malformed(let error):
      return style.dim(node.record ?? "") + "  " + style.red("malformed at offset \(error.offset)")
    case .none(_, let status):
      let why = status == .noError ? "TXT records, none of them SPF" : status.description
      return style.red("no SPF record (\(why))")
    case .multiple(let count): return style.red("\(count) SPF records:")
    case .dnsError(.outsideZones): return style.yellow("outside the loaded zone files: unknown, not followed")
    case .dnsError(let status): return style.red("TXT query failed: \(status)")
    case .loop: return style.red("↻ loop: \(node.domain) is already being evaluated")
    case .notFollowed(.tooDeep): return style.red("not followed: deeper than the walk goes")
    case .notFollowed: return style.red("not followed: the tree's budget is spent")
    }
  }

  private func summaryLines(style: Style) -> [String] {
    var lines: [String] = []
    if let lookups = tree.lookups {
      var line = "lookups: \(lookups) (limit \(tree.limits.dnsMechanisms))"
      if let overflow = tree.overflow {
        let nth = ordinal(tree.limits.dnsMechanisms + 1)
        line += style.red(" — over the limit; the \(nth) is \(overflow.term ?? "?") in \(overflow.domain)")
      }
      lines.append(line)
    }
    if let voids = tree.voidLookups {
      var line = "void lookups: \(voids) (limit \(tree.limits.voidLookups))"
      if let dependent = tree.voidLookupsIPDependent, dependent > 0 {
        line += " (\(dependent) more depend\(dependent == 1 ? "s" : "") on the client IP)"
      }
      lines.append(voids > tree.limits.voidLookups ? style.red(line) : line)
    }
    let shown = tree.problems.filter { $0.severity != .info }
    if !shown.isEmpty {
      lines.append("problems:")
      lines += shown.map { "  " + problemText($0, style: style) }
    }
    lines.append(verdict(style: style))
    return lines
  }

  private func problemText(_ problem: SPFTreeProblem, style: Style) -> String {
    let severity: String
    switch problem.severity {
    case .error: severity = style.red("error")
    case .inconclusive: severity = style.red("inconclusive")
    case .warning: severity = style.yellow("warning")
    case .info: severity = "info"
    }
    let place = problem.location.domain.description + (problem.location.term.map { " " + $0 } ?? "")
    return "\(severity) \(problem.code.rawValue) at \(place): \(problem.message)"
  }

  private func verdict(style: Style) -> String {
    if tree.exists == false { return style.red("no SPF record: check_host returns none") }
    if tree.hasErrors { return style.red("invalid: check_host returns permerror for every client") }
    if !tree.isComplete { return style.yellow("incomplete: a DNS query failed, so the tree is partial") }
    if tree.hasUnknownNames { return style.yellow("no errors so far; part of the tree is outside the zone files") }
    return style.green("valid")
  }

  private func ordinal(_ number: Int) -> String {
    let suffix: String
    switch (number % 10, number % 100) {
    case (_, 11...13): suffix = "th"
    case (1, _): suffix = "st"
    case (2, _): suffix = "nd"
    case (3, _): suffix = "rd"
    default: suffix = "th"
    }
    return "\(number)\(suffix)"
  }
}
