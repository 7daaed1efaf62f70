/// A check: a pure, synchronous judgment over a collected `DomainSnapshot`.
///
/// Each check is one type in one file under `Checks/<family>/`, describes itself, and carries
/// examples that the test suite runs. Checks never query DNS: collection did that.
public protocol Check: Sendable {
  static var description: CheckDescription { get }
  init()
  func evaluate(_ snapshot: DomainSnapshot) -> [Finding]
}

extension Check {
  public var description: CheckDescription { Self.description }

  /// A finding from this check, with its id, default severity and references filled in.
  public func finding(
    _ message: String, subject: String, record: String? = nil, offset: Int? = nil, fix: String? = nil,
    severity: Severity? = nil
  ) -> Finding {
    Finding(
      checkID: Self.description.id, severity: severity ?? Self.description.severity, subject: subject,
      message: message, record: record, offset: offset, references: Self.description.references, fix: fix)
  }
}
