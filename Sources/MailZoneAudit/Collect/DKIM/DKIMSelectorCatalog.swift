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

  /// Further generic names that key-generation guides and control panels use.
  static let wellKnown = ["key1", "key2", "dkim1", "dkim2", "s1024", "s2048", "email"]

  /// Baseline first, then the well-known extras.
  static let common = baseline + wellKnown
}
