import Foundation
import MailZoneAudit
import MailZoneDNS

extension TemplateRenderer {
  /// octoDNS keys records by name relative to the zone, one entry per type; records of another
  /// zone cannot appear in this file, so the layout lists them as comments.
  func renderOctoDNS(_ set: GeneratedSet) -> String {
    var order: [String] = []
    var groups: [String: [(RecordFamily, [ZoneRecord])]] = [:]
    for section in set.sections {
      for record in section.records {
        let key = relativeName(record.name, domain: set.domain)
        if groups[key] == nil { order.append(key) }
        var entries = groups[key] ?? []
        if let index = entries.firstIndex(where: { $0.1.first?.type == record.type }) {
          entries[index].1.append(record)
        } else {
          entries.append((section.family, [record]))
        }
        groups[key] = entries
      }
    }
    let names = order.map { key in
      let entries = (groups[key] ?? []).map { family, records in
        let values = records.map { octoDNSValue($0) }
        let context: [String: Any] = [
          "domain": set.domain, "type": records.first?.type.description ?? "", "ttl": String(records.first?.ttl ?? 0),
          "value": values.first ?? "", "values": values, "multiple": values.count > 1,
          "comments": records.compactMap(\.comment),
        ]
        return ["text": trimmed(templates.render(context, folder: family.rawValue, flavour: .octodns))]
      }
      return ["key": JSONValue.quoted(key), "entries": entries] as [String: Any]
    }
    var bareExternals = set.externalRecords
    for index in bareExternals.indices { bareExternals[index].comment = nil }
    let context: [String: Any] = [
      "domain": set.domain, "names": names, "externals": bareExternals.map(\.bindLine),
      "notes": set.sections.flatMap(\.notes),
      "files": set.files.map { file in
        ["url": file.url, "lines": file.content.split(separator: "\r\n").map(String.init)] as [String: Any]
      },
    ]
    return templates.render(context, folder: "layout", flavour: .octodns)
  }

  private func relativeName(_ name: DNSName, domain: String) -> String {
    let text = name.description
    if text == domain { return "" }
    return text.hasSuffix("." + domain) ? String(text.dropLast(domain.count + 1)) : text + "."
  }

  /// YAML double-quoted scalars (JSON quoting is a subset); TXT escapes `;` as octoDNS requires.
  private func octoDNSValue(_ record: ZoneRecord) -> String {
    switch record.type {
    case .txt: return JSONValue.quoted(record.value.replacingOccurrences(of: ";", with: "\\;"))
    case .mx:
      let parts = record.value.split(separator: " ", maxSplits: 1).map(String.init)
      let exchange = parts.count == 2 ? parts[1] : record.value
      return "{exchange: \(JSONValue.quoted(exchange)), preference: \(parts.first ?? "0")}"
    default: return JSONValue.quoted(record.value)
    }
  }
}
