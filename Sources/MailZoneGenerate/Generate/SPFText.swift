import MailZoneRecords

/// SPF text assembled from terms and checked by the SPF parser before it is published.
enum SPFText {
  static func record(_ terms: [String]) throws(GenerateError) -> String {
    let text = (["v=spf1"] + terms).joined(separator: " ")
    do { return try SPFRecord.parse(text).rendered } catch {
      throw GenerateError(.invalidRecord, "generated SPF does not parse: \(error)")
    }
  }
}
