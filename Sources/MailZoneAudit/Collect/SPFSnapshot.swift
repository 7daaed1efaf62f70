public import MailZoneDNS
public import MailZoneRecords

/// The SPF side of a domain: its TXT answer, the selected record, the whole static lookup tree,
/// the retired type 99 and any CNAME at the name.
public struct SPFSnapshot: Sendable {
  /// TXT at the domain, as answered.
  public var txt: DNSAnswer<TXTData>
  /// RFC 7208 record selection over `txt`.
  public var lookup: SPFRecordLookup
  /// Type 99 (SPF) records at the domain: published, they are useless (RFC 7208 §3.1).
  public var type99: DNSAnswer<TXTData>
  /// CNAME at the domain itself, not followed: a CNAME beside the TXT records is a broken zone
  /// (RFC 2181 §10.1), and one in place of them hands the SPF record to the target's owner.
  public var cname: DNSAnswer<DNSName>
  /// The record and everything it includes or redirects to, counted statically (RFC 7208 §4.6.4).
  public var tree: SPFLookupTree {
    didSet { walkedTerms = tree.walkedTerms }
  }
  /// Every walked term of `tree` with its node, in evaluation order: listed once, because six
  /// checks walk it for every domain.
  private(set) var walkedTerms: [(node: SPFTreeNode, term: SPFTreeTerm)]

  public init(
    txt: DNSAnswer<TXTData>, lookup: SPFRecordLookup, type99: DNSAnswer<TXTData>, cname: DNSAnswer<DNSName>,
    tree: SPFLookupTree
  ) {
    self.txt = txt
    self.lookup = lookup
    self.type99 = type99
    self.cname = cname
    self.tree = tree
    self.walkedTerms = tree.walkedTerms
  }

  /// The TXT query at the domain and every query of the tree that got no conclusive answer
  /// (an include target's SERVFAIL is a temperror for every message). Type 99 and CNAME are
  /// side facts: their failures leave the audit complete.
  public var failures: [QueryFailure] {
    var seen: Set<QueryFailure> = []
    let all = [QueryFailure(txt)].compactMap { $0 } + tree.queryFailures
    return all.filter { seen.insert($0).inserted }
  }

  /// The `v=spf1` TXT records at the domain, each with its strings.
  public var records: [TXTData] { txt.records.filter { SPFRecord.isSPF(bytes: $0.joined) } }

  /// The one `v=spf1` record when it parses.
  public var parsed: SPFRecord? {
    if case .found(let record, _) = lookup { record } else { nil }
  }

  static func collect(_ domain: DNSName, context: CollectionContext) async -> SPFSnapshot {
    // The tree asks for the domain's TXT too; the shared cache joins the two into one query, and
    // makes a provider's subtree free for every later domain that includes it. The TXT, type 99
    // and CNAME questions were asked in the domain's first batch: these are cache reads.
    async let tree = SPFLookupTree.build(domain: domain, resolver: context.resolver)
    let answer = await context.resolver.txt(domain)
    let type99 = await context.resolver.lookup(domain, .spf).map { record -> TXTData? in
      if case .spf(let data) = record.data { data } else { nil }
    }
    let cname = await context.resolver.lookup(domain, .cname).map { record -> DNSName? in
      if case .cname(let target) = record.data { target } else { nil }
    }
    return SPFSnapshot(
      txt: answer, lookup: SPFRecordSource.select(answer), type99: type99, cname: cname, tree: await tree)
  }
}

// The facts of AUDIT-JSON's `spf` object, by their JSON names; nil where the contract says null.
extension SPFSnapshot {
  /// `exists`: the domain has a `v=spf1` TXT record; nil when its TXT query failed.
  public var exists: Bool? { tree.exists }
  /// `records`: how many `v=spf1` TXT records the domain has; nil when its TXT query failed.
  public var recordCount: Int? { tree.records }
  /// `record`: the joined text, when there is exactly one record.
  public var record: String? { tree.record }
  /// `strings`: character-strings in that TXT record.
  public var strings: Int? { tree.strings }
  /// `length`: bytes of the joined record.
  public var length: Int? { tree.length }
  /// `lookups`: the RFC 7208 §4.6.4 static count over the whole tree.
  public var lookups: Int? { tree.lookups }
  /// `void_lookups`: static void lookups of the IP-independent terms.
  public var voidLookups: Int? { tree.voidLookups }
  /// `void_lookups_ip_dependent`: macro and `ptr` terms whose void status depends on the client.
  public var voidLookupsIPDependent: Int? { tree.voidLookupsIPDependent }
  /// `all`: the `all` term that ends the record, as written (`-all`), or nil.
  public var all: String? { tree.all }
  /// `includes`: direct include targets as written, in order, without a final dot.
  public var includes: [String]? { tree.includes }
  /// `valid`: false where check_host gives permerror for any client IP; nil without a record.
  public var valid: Bool? { tree.valid }
}

extension SPFLookupTree {
  /// Every question of the tree that got no conclusive answer, once each. A name outside the
  /// loaded zone files is unknown, not failed (as in `QueryFailure(_:)`).
  var queryFailures: [QueryFailure] {
    var out: [QueryFailure] = []
    for node in nodes {
      if case .dnsError(let status) = node.status, status != .outsideZones {
        out.append(QueryFailure(name: node.domain, type: .txt, status: status))
      }
      for term in node.terms {
        guard let status = term.dnsError, status != .outsideZones, let target = term.target,
          let name = try? DNSName(target)
        else { continue }
        out.append(QueryFailure(name: name, type: term.name == "mx" ? .mx : .a, status: status))
      }
    }
    return out
  }
}
