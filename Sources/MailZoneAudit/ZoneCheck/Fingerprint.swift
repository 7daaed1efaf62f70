/// A finding's identity for baselines: stable across edits elsewhere in the file (no line
/// numbers), so inserting a record above an old finding does not make it new.
public struct Fingerprint: Sendable, Hashable, Comparable {
  /// The zone file as given on the command line ("" when no file holds the finding).
  public var file: String
  public var checkID: String
  /// The owner name the finding is about (its subject's first word).
  public var name: String
  /// FNV-1a 64 of the record text (or the subject when the finding quotes no record), hex.
  public var hash: String

  public init(file: String, checkID: String, name: String, hash: String) {
    self.file = file
    self.checkID = checkID
    self.name = name
    self.hash = hash
  }

  public init(_ finding: Finding) {
    let name = finding.subject.split(separator: " ").first.map(String.init) ?? ""
    self.init(
      file: finding.location?.file ?? "", checkID: finding.checkID, name: name.lowercased(),
      hash: Fingerprint.fnv1a(finding.record ?? finding.subject))
  }

  /// FNV-1a, 64 bits, as 16 hex digits: small, stable across runs and platforms.
  public static func fnv1a(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  public static func < (lhs: Fingerprint, rhs: Fingerprint) -> Bool {
    (lhs.file, lhs.checkID, lhs.name, lhs.hash) < (rhs.file, rhs.checkID, rhs.name, rhs.hash)
  }
}

/// A set of accepted findings (`--baseline`): each fingerprint hides as many findings as it was
/// written for, so a second copy of an accepted problem is still new.
public struct Baseline: Sendable, Hashable {
  public var fingerprints: [Fingerprint]

  public init(fingerprints: [Fingerprint]) { self.fingerprints = fingerprints.sorted() }

  /// For each finding, whether the baseline accepts it (multiset matching, in order).
  public func matches(_ findings: [Finding]) -> [Bool] {
    var remaining: [Fingerprint: Int] = [:]
    for fingerprint in fingerprints { remaining[fingerprint, default: 0] += 1 }
    return findings.map { finding in
      let key = Fingerprint(finding)
      guard let count = remaining[key], count > 0 else { return false }
      remaining[key] = count - 1
      return true
    }
  }
}
