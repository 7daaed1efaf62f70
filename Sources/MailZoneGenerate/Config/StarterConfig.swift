/// The commented `mailzone.yml` that `mailzone init` writes: valid as it stands, for `domain`.
public enum StarterConfig {
  /// The starter text for `domain` (a name such as `example.com`).
  public static func text(domain: String) -> String {
    """
    # mailzone.yml: what sends, receives and reports mail for one domain.
    # `mailzone generate --config mailzone.yml` writes every record this implies
    # (--format bind, json or octodns). Lines starting with # are comments.

    # The domain the records are for.
    domain: \(domain)
    # TTL of every generated record, in seconds.
    ttl: 3600

    # Services that send (or host) mail for the domain, by catalogue key:
    # google-workspace, microsoft-365 (tenant:), amazon-ses (tokens:), sendgrid (account:),
    # mailchimp, mandrill, mailgun, postmark, hubspot (account:), zoho, salesforce, zendesk, fastmail.
    services:
      - google-workspace
    #  - service: microsoft-365
    #    tenant: contoso
    #  - service: amazon-ses
    #    tokens: [token1, token2, token3]

    # DKIM keys published directly: your own signer's (`mailzone dkim keygen`) or one a
    # provider shows in its console (Google Workspace: selector google).
    # dkim:
    #   - selector: google
    #     public-key: MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA...
    #   - selector: s1
    #     cname: s1.domainkey.u1234567.wl123.sendgrid.net

    # Your own sending servers (addresses or networks).
    ip4: []
    ip6: []

    # MX hosts; leave out to use those of the service hosting your mailboxes.
    # mx:
    #   - priority: 10
    #     host: mx1.\(domain)

    dmarc:
      # The policy to reach: none, quarantine or reject.
      policy: reject
      # staged: start at p=none and move up one stage at a time (each stage's record is printed);
      # direct: publish the policy at once.
      rollout: staged
      # The stage to publish now (1 = p=none); `generate --stage N` overrides it.
      stage: 1
      # Where aggregate reports go (mailto:). Addresses outside the domain need the
      # _report._dmarc authorization the output lists.
      rua: [mailto:dmarc-reports@\(domain)]

    # MTA-STS: testing first, enforce once TLS-RPT reports are clean.
    mta-sts:
      mode: testing
      max-age: 604800

    # Where TLS-RPT reports go (mailto: or https:).
    tls-rpt: mailto:tls-reports@\(domain)

    # BIMI logo (SVG Tiny PS over HTTPS); needs DMARC at quarantine or reject.
    # bimi:
    #   logo: https://\(domain)/logo.svg

    # Subdomains that never send or receive mail.
    parked: []

    """
  }
}
