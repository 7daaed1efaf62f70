extension MailProvider {
  /// The providers `mailzone.yml` can name under `services`, by key.
  ///
  /// Names are the ones the providers publish in their setup guides; a pattern with a `{token}`,
  /// `{tenant}` or `{account}` needs that value in the configuration.
  public static let catalogue: [MailProvider] = [
    MailProvider(
      key: "google-workspace", name: "Google Workspace", spfInclude: "_spf.google.com",
      dkim: [DKIMPattern(selector: "google", target: nil)],
      mx: [MXHost(priority: 1, host: "smtp.google.com")],
      note: "Google Workspace: generate the DKIM key in the Admin console and publish it at google._domainkey."),
    MailProvider(
      key: "microsoft-365", name: "Microsoft 365", spfInclude: "spf.protection.outlook.com",
      dkim: [
        DKIMPattern(selector: "selector1", target: "selector1-{dashed}._domainkey.{tenant}.onmicrosoft.com"),
        DKIMPattern(selector: "selector2", target: "selector2-{dashed}._domainkey.{tenant}.onmicrosoft.com"),
      ],
      mx: [MXHost(priority: 0, host: "{dashed}.mail.protection.outlook.com")]),
    MailProvider(
      key: "amazon-ses", name: "Amazon SES", spfInclude: "amazonses.com",
      dkim: [DKIMPattern(selector: "{token}", target: "{token}.dkim.amazonses.com")],
      note: "Amazon SES: the three Easy DKIM tokens are shown in the SES console (tokens: [...])."),
    MailProvider(
      key: "sendgrid", name: "SendGrid", spfInclude: "sendgrid.net",
      dkim: [
        DKIMPattern(selector: "s1", target: "s1.domainkey.{account}.sendgrid.net"),
        DKIMPattern(selector: "s2", target: "s2.domainkey.{account}.sendgrid.net"),
      ],
      note: "SendGrid: the account part of the DKIM targets (u1234567.wl123) is shown under Sender Authentication."
    ),
    MailProvider(
      key: "mailchimp", name: "Mailchimp", spfInclude: "servers.mcsv.net",
      dkim: [
        DKIMPattern(selector: "k2", target: "dkim2.mcsv.net"), DKIMPattern(selector: "k3", target: "dkim3.mcsv.net"),
      ],
      note:
        "Mailchimp: compare the k2/k3 CNAMEs with those its Domains page shows (older accounts use k1 → dkim.mcsv.net)."
    ),
    MailProvider(
      key: "mandrill", name: "Mailchimp Transactional (Mandrill)", spfInclude: "spf.mandrillapp.com",
      dkim: [
        DKIMPattern(selector: "mte1", target: "dkim1.mandrillapp.com"),
        DKIMPattern(selector: "mte2", target: "dkim2.mandrillapp.com"),
      ]),
    MailProvider(
      key: "mailgun", name: "Mailgun", spfInclude: "mailgun.org",
      note: "Mailgun: publish the DKIM TXT key shown under Domain settings (selector as shown there)."),
    MailProvider(
      key: "postmark", name: "Postmark", spfInclude: "spf.mtasv.net",
      note: "Postmark: publish the DKIM TXT key (selector ending in pm) shown under Sender Signatures."),
    MailProvider(
      key: "hubspot", name: "HubSpot", spfInclude: nil,
      dkim: [
        DKIMPattern(selector: "hs1-{account}", target: "{dashed}.hs1-{account}.dkim.hubspotemail.net"),
        DKIMPattern(selector: "hs2-{account}", target: "{dashed}.hs2-{account}.dkim.hubspotemail.net"),
      ],
      note: "HubSpot: the account id in the DKIM names is shown under Domains & URLs; its return path needs no SPF."
    ),
    MailProvider(
      key: "zoho", name: "Zoho Mail", spfInclude: "zohomail.com",
      dkim: [DKIMPattern(selector: "zmail", target: nil)],
      mx: [
        MXHost(priority: 10, host: "mx.zoho.com"), MXHost(priority: 20, host: "mx2.zoho.com"),
        MXHost(priority: 50, host: "mx3.zoho.com"),
      ],
      note: "Zoho Mail: generate the DKIM key in the Admin console and publish it under the selector you chose."),
    MailProvider(
      key: "salesforce", name: "Salesforce", spfInclude: "_spf.salesforce.com",
      note: "Salesforce: create the DKIM key under Setup > DKIM Keys and publish the CNAMEs it shows."),
    MailProvider(
      key: "zendesk", name: "Zendesk", spfInclude: "mail.zendesk.com",
      dkim: [
        DKIMPattern(selector: "zendesk1", target: "zendesk1._domainkey.zendesk.com"),
        DKIMPattern(selector: "zendesk2", target: "zendesk2._domainkey.zendesk.com"),
      ]),
    MailProvider(
      key: "fastmail", name: "Fastmail", spfInclude: "spf.messagingengine.com",
      dkim: [
        DKIMPattern(selector: "fm1", target: "fm1.{domain}.dkim.fmhosted.com"),
        DKIMPattern(selector: "fm2", target: "fm2.{domain}.dkim.fmhosted.com"),
        DKIMPattern(selector: "fm3", target: "fm3.{domain}.dkim.fmhosted.com"),
      ],
      mx: [
        MXHost(priority: 10, host: "in1-smtp.messagingengine.com"),
        MXHost(priority: 20, host: "in2-smtp.messagingengine.com"),
      ]),
  ]

  /// The provider with catalogue key `key`.
  public static func named(_ key: String) -> MailProvider? { catalogue.first { $0.key == key } }
}
