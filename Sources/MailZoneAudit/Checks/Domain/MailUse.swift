import MailZoneRecords

/// What a domain's records say about how it uses mail, for checks that advise differently for
/// domains that send, receive, or do neither.
enum MailUse {
  /// What the SPF record says about senders.
  enum SPFSenders: Equatable {
    /// No SPF record (or its lookup failed).
    case unpublished
    /// A record that authorizes no one (`v=spf1 -all`, `~all`, `?all`, only non-pass terms).
    case nobody
    /// A record that authorizes senders (a pass term or a redirect), or a broken attempt to.
    case some
  }

  static func spfSenders(_ snapshot: DomainSnapshot) -> SPFSenders {
    switch snapshot.spf.lookup {
    case .found(let record, _):
      // RFC 7208 §4.6.2: only a pass qualifier authorizes; `redirect` hands the decision on.
      let authorizes = record.directives.contains { $0.qualifier == .pass } || record.redirect != nil
      return authorizes ? .some : .nobody
    case .multiple, .malformed: return .some
    case .none, .dnsError: return .unpublished
    }
  }

  /// At least one usable DKIM key is published: the domain signs mail.
  static func signs(_ snapshot: DomainSnapshot) -> Bool {
    snapshot.dkim.keys.contains { $0.isValid && !$0.isWildcard }
  }

  /// MX records other than the null MX: the domain receives mail.
  static func receives(_ snapshot: DomainSnapshot) -> Bool {
    snapshot.mx.answer.records.contains { !$0.isNullMX }
  }

  /// Nothing says the domain sends mail: SPF authorizes no one (or is absent) and no key signs.
  static func sendsNothing(_ snapshot: DomainSnapshot) -> Bool {
    spfSenders(snapshot) != .some && !signs(snapshot)
  }

  /// The domain exists: its MX query did not answer NXDOMAIN.
  static func exists(_ snapshot: DomainSnapshot) -> Bool {
    snapshot.mx.answer.status != .nxDomain
  }
}
