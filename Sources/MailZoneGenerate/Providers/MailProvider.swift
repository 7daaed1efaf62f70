/// A service that sends (and perhaps receives) mail for a domain: what it needs in the domain's DNS.
public struct MailProvider: Sendable, Hashable {
  /// How a DKIM key of the provider is published at `selector._domainkey.<domain>`.
  public struct DKIMPattern: Sendable, Hashable {
    /// The selector; `{token}` stands for each of the configured tokens, `{account}` for the account.
    public var selector: String
    /// The CNAME target; `{dashed}` is the domain with dots as dashes, `{tenant}`, `{account}` and
    /// `{token}` come from the configuration. `nil`: the provider shows a TXT key in its console.
    public var target: String?

    /// Creates a pattern.
    public init(selector: String, target: String?) {
      self.selector = selector
      self.target = target
    }
  }

  /// The catalogue key used in `mailzone.yml` (`google-workspace`).
  public var key: String
  /// The name users know (`Google Workspace`).
  public var name: String
  /// The domain of the provider's `include:`, when its SPF must be included.
  public var spfInclude: String?
  /// DKIM records to publish.
  public var dkim: [DKIMPattern]
  /// MX hosts (priority, host; `{dashed}` as above) when the provider hosts the domain's mailbox.
  public var mx: [MXHost]
  /// What the user must do by hand (keys shown in a console, account ids to fill in).
  public var note: String?

  /// Creates a provider.
  public init(
    key: String, name: String, spfInclude: String?, dkim: [DKIMPattern] = [], mx: [MXHost] = [],
    note: String? = nil
  ) {
    self.key = key
    self.name = name
    self.spfInclude = spfInclude
    self.dkim = dkim
    self.mx = mx
    self.note = note
  }
}

/// One MX target: preference and host (absolute, without the trailing dot).
public struct MXHost: Sendable, Hashable {
  /// The preference (RFC 5321 §5.1: lower is tried first).
  public var priority: UInt16
  /// The exchange host name.
  public var host: String

  /// Creates an MX target.
  public init(priority: UInt16, host: String) {
    self.priority = priority
    self.host = host
  }
}
