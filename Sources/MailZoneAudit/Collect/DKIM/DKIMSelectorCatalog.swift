/// The selectors DKIM discovery probes at every domain, whatever its providers.
enum DKIMSelectorCatalog {
  /// `COMMON_DKIM_SELECTORS` of `shared/bench/corpus.py`, in its order: the baseline the bench's
  /// truth file calls "common".
  static let baseline = [
    "default", "dkim", "mail", "google", "selector1", "selector2", "k1", "k2",
    "k3", "s1", "s2", "mx", "krs", "pic", "zmail", "zoho", "mandrill",
    "everlytickey1", "everlytickey2", "mailjet", "sig1", "smtp", "zendesk1",
    "zendesk2", "hs1", "hs2", "pm", "cm", "mxvault", "ed25519", "rsa",
  ]

  /// What discovery probes at every domain where `_domainkey` exists. Each name costs one query
  /// per domain, and 80% of a bulk audit's queries are these probes, so the list stays at the
  /// baseline: rarer names (`key1`, `s2048`, a dated selector) are asked with `--selector`, and
  /// providers' own selectors are added when SPF or MX names the provider.
  static let common = baseline

  /// `common` as a set, for membership tests.
  static let commonSet = Set(common)
}
