import Foundation
import MailZoneAudit
import MailZoneDNS
import MailZoneRecords

/// Lays a ``GeneratedSet`` out through a ``TemplateSet``: every value is rendered and quoted here,
/// the templates only arrange lines and comments.
public struct TemplateRenderer: Sendable {
  public let templates: TemplateSet

  /// Creates a renderer over `templates`.
  public init(templates: TemplateSet) { self.templates = templates }

  /// The whole output in `flavour`.
  public func render(_ set: GeneratedSet, as flavour: OutputFlavour) -> String {
    switch flavour {
    case .bind: renderBIND(set)
    case .json: renderJSON(set)
    case .octodns: renderOctoDNS(set)
    }
  }

  private func renderBIND(_ set: GeneratedSet) -> String {
    let sections = set.sections.map { section in
      let context: [String: Any] = [
        "domain": set.domain, "notes": section.notes,
        "records": section.records.map { bareRecord($0) },
      ]
      return ["text": trimmed(templates.render(context, folder: section.family.rawValue, flavour: .bind))]
    }
    let context: [String: Any] = [
      "domain": set.domain, "sections": sections,
      "externals": set.externalRecords.map { bareRecord($0) }, "hasExternals": !set.externalRecords.isEmpty,
      "files": set.files.map { file in
        ["url": file.url, "lines": file.content.split(separator: "\r\n").map(String.init)] as [String: Any]
      },
    ]
    return templates.render(context, folder: "layout", flavour: .bind)
  }

  private func bareRecord(_ record: ZoneRecord) -> [String: Any] {
    var bare = record
    bare.comment = nil
    return ["comments": record.comment.map { $0.split(separator: "\n").map(String.init) } ?? [], "line": bare.bindLine]
  }

  private func renderJSON(_ set: GeneratedSet) -> String {
    let sections = set.sections.filter { !$0.records.isEmpty }
    let rendered = sections.enumerated().map { index, section in
      let context: [String: Any] = ["records": jsonRecords(section.records)]
      return [
        "text": trimmed(templates.render(context, folder: section.family.rawValue, flavour: .json)),
        "last": index == sections.count - 1,
      ]
    }
    let context: [String: Any] = [
      "domain": JSONValue.quoted(set.domain), "sections": rendered,
      "externals": jsonRecords(set.externalRecords),
      "notes": set.sections.flatMap(\.notes).enumerated().map { index, note in
        ["text": JSONValue.quoted(note), "last": index == set.sections.flatMap(\.notes).count - 1] as [String: Any]
      },
      "files": set.files.enumerated().map { index, file in
        [
          "url": JSONValue.quoted(file.url), "content": JSONValue.quoted(file.content),
          "last": index == set.files.count - 1,
        ] as [String: Any]
      },
    ]
    return templates.render(context, folder: "layout", flavour: .json)
  }

  private func jsonRecords(_ records: [ZoneRecord]) -> [[String: Any]] {
    records.enumerated().map { index, record in
      var item: [String: Any] = [
        "name": JSONValue.quoted(record.name.absoluteText), "type": JSONValue.quoted(record.type.description),
        "ttl": String(record.ttl), "value": JSONValue.quoted(record.value), "last": index == records.count - 1,
      ]
      if record.type == .txt {
        // The character-strings a provider API taking pre-split TXT needs, from the one splitter.
        let strings = TXTStrings.split(record.value).map { JSONValue.quoted(String(decoding: $0, as: UTF8.self)) }
        item["strings"] = "[" + strings.joined(separator: ", ") + "]"
      }
      if let comment = record.comment { item["comment"] = JSONValue.quoted(comment) }
      return item
    }
  }

  func trimmed(_ text: String) -> String {
    var text = text
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }
}
