/// Every check, in report order. A check is added here when its file is added.
public enum CheckRegistry {
  public static let all: [any Check] = [
    QueryFailedCheck(),
    NonexistentDomainCheck(),
    SPFMissingCheck(),
    SPFMultipleRecordsCheck(),
    SPFSyntaxErrorCheck(),
    SPFPassAllCheck(),
    SPFIPWholeInternetCheck(),
    SPFNeutralAllCheck(),
    SPFNoAllCheck(),
    SPFSoftfailAllCheck(),
    SPFLookupLimitCheck(),
    SPFLookupNearLimitCheck(),
    SPFVoidLookupLimitCheck(),
    SPFVoidLookupsCheck(),
    SPFIncludeLoopCheck(),
    SPFIncludeMissingRecordCheck(),
    SPFRedirectMissingRecordCheck(),
    SPFMXTooManyNamesCheck(),
    SPFDuplicateIncludeCheck(),
    SPFIgnoredRedirectCheck(),
    SPFAfterAllCheck(),
    SPFPTRCheck(),
    SPFIPDependentCheck(),
    SPFIPHostBitsCheck(),
    SPFRecordWarningCheck(),
    SPFStringBoundaryCheck(),
    SPFMultipleStringsCheck(),
    SPFLongRecordCheck(),
    SPFRecordTooLargeCheck(),
    SPFType99Check(),
    SPFViaCNAMECheck(),
    SPFTXTBesideCNAMECheck(),
    DMARCMissingRecordCheck(),
    DMARCMultipleRecordsCheck(),
    DMARCMalformedRecordCheck(),
    DMARCRecordAtApexCheck(),
    DMARCOtherTXTCheck(),
    DMARCMonitoringOnlyCheck(),
    DMARCSubdomainPolicyWeakerCheck(),
    DMARCNonexistentPolicyWeakerCheck(),
    DMARCPartialPercentageCheck(),
    DMARCRemovedTagCheck(),
    DMARCNoAggregateReportsCheck(),
    DMARCUnauthorizedReportDestinationCheck(),
    DMARCUndeliverableReportDestinationCheck(),
    DMARCStrictAlignmentCheck(),
    DMARCFailureReportsCheck(),
    DMARCTestingModeCheck(),
    DMARCOrganizationalDomainMismatchCheck(),
    DMARCReachedViaCNAMECheck(),
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
    MalformedDomainCheck(),
  ]

  /// Zone-file hygiene checks, run by `mailzone check` over each file's text and records.
  public static let zoneChecks: [any ZoneCheck] = [
    ZoneSyntaxCheck(),
    ZoneTXTStringTooLongCheck(),
    ZoneDuplicateRecordCheck(),
    ZoneCNAMEAndOtherDataCheck(),
    ZoneRelativeNameSuspectCheck(),
    ZoneTTLZeroCheck(),
    ZoneTTLTooLongCheck(),
  ]

  /// Every check's description, DNS checks first, then zone-file checks.
  public static let descriptions: [CheckDescription] =
    all.map { type(of: $0).description } + zoneChecks.map { type(of: $0).description }

  /// The description of the check (DNS or zone-file) with `id`, if any.
  public static func description(id: String) -> CheckDescription? {
    descriptions.first { $0.id == id }
  }

  /// The check with `id`, if any.
  public static func check(id: String) -> (any Check)? {
    all.first { type(of: $0).description.id == id }
  }
}
