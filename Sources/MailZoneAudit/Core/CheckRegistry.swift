/// Every check, in report order. A check is added here when its file is added.
public enum CheckRegistry {
  public static let all: [any Check] = [
    QueryFailedCheck(),
    DKIMNoKeyFoundCheck(),
    DKIMRevokedKeyCheck(),
    DKIMRSAKeyUnder1024Check(),
    DKIMRSAKeyUnder2048Check(),
    DKIMTestingModeCheck(),
    DKIMSHA1OnlyCheck(),
    DKIMMalformedKeyCheck(),
    DKIMNotForEmailCheck(),
    DKIMUnknownKeyTypeCheck(),
    DKIMEd25519OnlyCheck(),
    MXImplicitCheck(),
    MXNullWithOthersCheck(),
    MXCNAMECheck(),
    MXIPLiteralCheck(),
    MXHostNoAddressCheck(),
    MXPTRMissingCheck(),
    MXPTRNotConfirmedCheck(),
    MXTooManyHostsCheck(),
    MXNullMXSPFSendersCheck(),
    MTASTSMalformedCheck(),
    MTASTSMultipleRecordsCheck(),
    MTASTSWithoutTLSRPTCheck(),
    TLSRPTMalformedCheck(),
    TLSRPTMultipleRecordsCheck(),
    BIMIMalformedCheck(),
    BIMILocationNotHTTPSCheck(),
    BIMIDMARCNotEnforcedCheck(),
    ParkedDomainRecipeCheck(),
  ]

  /// The check with `id`, if any.
  public static func check(id: String) -> (any Check)? {
    all.first { type(of: $0).description.id == id }
  }
}
