/// A mail provider recognised by the host names it has customers put in SPF includes and MX
/// records, and the DKIM selectors its setup publishes.
///
/// Names are matched by the *shape* of the provider's name: a suffix of labels before the
/// top-level label, so `_spf.google.com` and the bench's `_spf.google.test` both match `google`,
/// and `x.mail.protection.outlook.com` matches `protection.outlook`. Providers whose selectors are
/// per-customer random tokens (Amazon SES Easy DKIM, Mimecast, SparkPost, Postmark's dated
/// selectors) cannot be derived from a name and are not listed.
struct DKIMProvider: Sendable {
  enum Selectors: Sendable {
    /// The same selectors for every customer.
    case fixed([String])
    /// `<prefix>-<id>`, where `<id>` is the all-digit label in front of the matched suffix
    /// (HubSpot: `include:<id>.spf0.hubspotemail.net` → `hs1-<id>`, `hs2-<id>`).
    case perAccount([String])
  }

  var name: String
  /// Label sequences (without the top-level label) that identify the provider as a name's suffix.
  var suffixes: [[String]]
  var selectors: Selectors

  /// The selectors `host` implies, if it is one of this provider's names.
  func selectors(for host: [String]) -> [String] {
    guard host.count >= 2 else { return [] }
    let labels = host.dropLast()
    for suffix in suffixes where labels.count >= suffix.count && labels.suffix(suffix.count).elementsEqual(suffix) {
      switch selectors {
      case .fixed(let list):
        return list
      case .perAccount(let prefixes):
        let rest = labels.dropLast(suffix.count)
        guard let id = rest.last, !id.isEmpty, id.allSatisfy(\.isASCIIDigit) else { return [] }
        return prefixes.map { "\($0)-\(id)" }
      }
    }
    return []
  }

  static let all: [DKIMProvider] = [
    DKIMProvider(name: "Google Workspace", suffixes: [["google"], ["googlemail"]], selectors: .fixed(["google"])),
    DKIMProvider(
      name: "Microsoft 365", suffixes: [["protection", "outlook"], ["onmicrosoft"]],
      selectors: .fixed(["selector1", "selector2"])),
    DKIMProvider(name: "Zoho Mail", suffixes: [["zoho"], ["zohomail"]], selectors: .fixed(["zoho", "zmail"])),
    DKIMProvider(name: "Mailchimp", suffixes: [["mcsv"], ["mailchimpapp"]], selectors: .fixed(["k1", "k2", "k3"])),
    DKIMProvider(name: "Mandrill", suffixes: [["mandrillapp"]], selectors: .fixed(["mandrill"])),
    DKIMProvider(name: "SendGrid", suffixes: [["sendgrid"]], selectors: .fixed(["s1", "s2"])),
    DKIMProvider(
      name: "Mailgun", suffixes: [["mailgun"]], selectors: .fixed(["krs", "mx", "pic", "smtp", "mailo"])),
    DKIMProvider(name: "Postmark", suffixes: [["mtasv"], ["postmarkapp"]], selectors: .fixed(["pm"])),
    DKIMProvider(name: "HubSpot", suffixes: [["spf0", "hubspotemail"]], selectors: .perAccount(["hs1", "hs2"])),
    DKIMProvider(name: "Zendesk", suffixes: [["zendesk"]], selectors: .fixed(["zendesk1", "zendesk2"])),
    DKIMProvider(name: "Mailjet", suffixes: [["mailjet"]], selectors: .fixed(["mailjet"])),
    DKIMProvider(name: "Constant Contact", suffixes: [["constantcontact"]], selectors: .fixed(["ctct1", "ctct2"])),
    DKIMProvider(name: "Fastmail", suffixes: [["messagingengine"]], selectors: .fixed(["fm1", "fm2", "fm3"])),
    DKIMProvider(
      name: "Proton Mail", suffixes: [["protonmail"]], selectors: .fixed(["protonmail", "protonmail2", "protonmail3"])),
    DKIMProvider(name: "iCloud Mail", suffixes: [["icloud"]], selectors: .fixed(["sig1"])),
    DKIMProvider(
      name: "Brevo", suffixes: [["sendinblue"], ["brevo"]], selectors: .fixed(["mail", "brevo1", "brevo2"])),
    DKIMProvider(name: "Everlytic", suffixes: [["everlytic"]], selectors: .fixed(["everlytickey1", "everlytickey2"])),
    DKIMProvider(name: "MailerLite", suffixes: [["mlsend"]], selectors: .fixed(["ml", "litesrv"])),
    DKIMProvider(name: "Klaviyo", suffixes: [["klaviyo"]], selectors: .fixed(["kl", "kl2"])),
    DKIMProvider(name: "Yandex 360", suffixes: [["yandex"]], selectors: .fixed(["mail"])),
  ]

  /// The table's indices by the last label of each suffix (the label before the top-level one),
  /// ascending: a host is looked up once instead of matched against every provider.
  private static let byLastLabel: [String: [Int]] = {
    var index: [String: [Int]] = [:]
    for (position, provider) in all.enumerated() {
      for last in Set(provider.suffixes.compactMap(\.last)) { index[last, default: []].append(position) }
    }
    return index
  }()

  /// The selectors implied by a set of host names, each once with the provider that implies it,
  /// in provider-table order per name.
  static func selectors(implied hosts: [[String]]) -> [(selector: String, provider: String)] {
    var seen: Set<String> = []
    var result: [(selector: String, provider: String)] = []
    for host in hosts where host.count >= 2 {
      for position in byLastLabel[host[host.count - 2]] ?? [] {
        let provider = all[position]
        for selector in provider.selectors(for: host) where seen.insert(selector).inserted {
          result.append((selector, provider.name))
        }
      }
    }
    return result
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
