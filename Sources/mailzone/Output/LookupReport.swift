import MailZoneAudit
import MailZoneDNS

/// Renders one lookup as dig-like text or JSON.
struct LookupReport {
  let answer: DNSAnswer<ResourceRecord>
  let elapsed: Duration

  private var milliseconds: Double {
    let (seconds, attoseconds) = elapsed.components
    return (Double(seconds) * 1000 + Double(attoseconds) / 1e15 * 1).rounded(toPlaces: 1)
  }

  func text(style: Style) -> String {
    var out = ";; \(answer.name.absoluteText) \(answer.type): "
    out += statusText(style: style)
    var via = answer.server ?? "no server"
    if answer.transport == .udp || answer.transport == .tcp { via += " over \(answer.transport.rawValue)" }
    out += style.dim(" (\(via), \(milliseconds) ms)") + "\n"
    if answer.authenticated { out += ";; flags: ad (the resolver validated the answer with DNSSEC)\n" }
    if !answer.cnameChain.isEmpty {
      let names = [answer.name.absoluteText] + answer.cnameChain.map(\.target.absoluteText)
      out += ";; CNAME chain: " + names.joined(separator: " → ") + "\n"
    }
    for record in answer.records {
      out += "\(record.owner.absoluteText)\t\(record.ttl)\tIN\t\(record.type)\t\(record.data.presentation)\n"
      if case .txt(let txt) = record.data { out += stringsText(txt, style: style) }
      if case .spf(let txt) = record.data { out += stringsText(txt, style: style) }
    }
    return out
  }

  private func statusText(style: Style) -> String {
    let text = answer.status.description
    switch answer.status {
    case .noError: return style.green(text) + ", \(answer.records.count) record\(answer.records.count == 1 ? "" : "s")"
    case .noData: return style.yellow(text) + ": the name exists but has no \(answer.type) records"
    case .nxDomain: return style.yellow(text) + ": the name does not exist"
    case .outsideZones: return style.yellow(text) + ": the name is in none of the zone files"
    default: return style.red(text)
    }
  }

  private func stringsText(_ txt: TXTData, style: Style) -> String {
    var out = ""
    for (index, string) in txt.strings.enumerated() {
      out += style.dim(";   string \(index + 1): \(string.count) bytes") + "\n"
    }
    if txt.strings.count > 1 { out += style.dim(";   joined: \(txt.joined.count) bytes") + "\n" }
    if txt.strings.isEmpty { out += style.dim(";   no strings (empty rdata)") + "\n" }
    return out
  }

  func json() -> JSONValue {
    .object([
      ("name", .string(answer.name.description)),
      ("type", .string(answer.type.description)),
      ("status", .string(answer.status.description)),
      ("conclusive", .bool(answer.status.isConclusive)),
      ("authenticated", .bool(answer.authenticated)),
      (
        "cname_chain",
        .array(
          answer.cnameChain.map {
            .object([
              ("owner", .string($0.owner.description)), ("target", .string($0.target.description)),
              ("ttl", .int(Int($0.ttl))),
            ])
          })
      ),
      ("records", .array(answer.records.map(recordJSON))),
      ("server", .optional(answer.server) { .string($0) }),
      ("transport", answer.transport == .none ? .null : .string(answer.transport.rawValue)),
      ("elapsed_ms", .double(milliseconds)),
    ])
  }

  private func recordJSON(_ record: ResourceRecord) -> JSONValue {
    var members: [(String, JSONValue)] = [
      ("name", .string(record.owner.description)),
      ("type", .string(record.type.description)),
      ("ttl", .int(Int(record.ttl))),
      ("data", .string(record.data.presentation)),
    ]
    switch record.data {
    case .txt(let txt), .spf(let txt):
      members.append(("value", .string(txt.text)))
      members.append(("length", .int(txt.joined.count)))
      members.append(
        (
          "strings",
          .array(
            txt.strings.map {
              .object([
                ("text", .string(String(decoding: $0, as: UTF8.self))), ("length", .int($0.count)),
                ("hex", .string(hexString($0))),
              ])
            })
        ))
    case .mx(let mx):
      members.append(("preference", .int(Int(mx.preference))))
      members.append(("exchange", .string(mx.exchange.description)))
      members.append(("null_mx", .bool(mx.isNullMX)))
    default:
      break
    }
    return .object(members)
  }
}

private func hexString(_ bytes: [UInt8]) -> String {
  bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

extension Double {
  func rounded(toPlaces places: Int) -> Double {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    return (self * scale).rounded() / scale
  }
}
