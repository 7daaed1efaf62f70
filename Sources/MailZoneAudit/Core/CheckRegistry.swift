/// Every check, in report order. A check is added here when its file is added.
public enum CheckRegistry {
  public static let all: [any Check] = [
    QueryFailedCheck(),
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
  ]

  /// The check with `id`, if any.
  public static func check(id: String) -> (any Check)? {
    all.first { type(of: $0).description.id == id }
  }
}
