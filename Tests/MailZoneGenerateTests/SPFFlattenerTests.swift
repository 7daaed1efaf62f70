import MailZoneDNS
import MailZoneGenerate
import MailZoneTestSupport
import Testing

@Suite("SPFFlattener: includes to networks, with qualifiers, owners and redirects kept")
struct SPFFlattenerTests {
  @Test("a Google-like nested chain flattens to its pass networks only, and is proven")
  func nestedChain() async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten("flat.test") { $0.maxLookups = 2 }
    let top = try #require(FlattenFixtures.texts(flattening).first)
    // Every include flattened (keeping one live would cost 3 or 4); the three netblock records' `+` networks, merged with the domain's own.
    #expect(top.contains("ip4:64.233.160.0/19"))
    #expect(top.contains("ip6:2001:4860:4000::/36"))
    #expect(top.contains("ip4:198.51.100.0/24"))
    // `-ip4:35.190.247.13` in a child is not a pass: the host is cut out of its /24.
    #expect(!top.contains("ip4:35.190.247.0/24"))
    #expect(top.contains("ip4:35.190.247.12/32") || top.contains("ip4:35.190.247.12 "))
    // `?ip4:172.217.48.0/20` in a child is neutral there, so no match here: not flattened.
    #expect(!top.contains("172.217.48.0"))
    #expect(top.hasSuffix("-all"))
    #expect(flattening.lookupsBefore == 9)
    #expect(flattening.lookupsAfter == 0)
    #expect(flattening.fits)
    #expect(proof.isProven, "\(proof.disagreements)")
    #expect(proof.tested > 100)
  }

  @Test("mx and a resolve at the domain that owns them, with their prefix lengths")
  func owners() async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten("flat.test") { $0.maxLookups = 2 }
    let top = try #require(FlattenFixtures.texts(flattening).first)
    // flat.test's own mx (203.0.113.10 and its AAAA) and a:mail (203.0.113.11), merged.
    #expect(top.contains("ip4:203.0.113.10/31 ") && top.contains("ip6:2001:db8:1::10 "))
    // own.provider.test's `a` and `mx/24` at own.provider.test, under the parent's `?`.
    #expect(top.contains("?ip4:203.0.113.7"))
    #expect(top.contains("?ip6:2001:db8:7::7"))
    // mx/24 at own.provider.test covers 198.51.100.0/24, and `?include:own` comes before the
    // domain's own `ip4:198.51.100.0/25 ip4:198.51.100.128/25`: first match makes those neutral.
    #expect(top.contains("?ip4:198.51.100.0/24"))
    #expect(!top.contains(" ip4:198.51.100.0/24") && !top.contains("ip4:198.51.100.0/25"))
    #expect(proof.isProven, "\(proof.disagreements)")
  }

  @Test("with room in the budget, the nested provider stays live, and why is said")
  func keepsLiveWithinBudget() async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten("flat.test")
    let top = try #require(FlattenFixtures.texts(flattening).first)
    #expect(top.contains("include:_spf.provider.test"))
    #expect(flattening.lookupsAfter <= 10)
    #expect(flattening.liveTerms.contains { $0.term == "include:_spf.provider.test" })
    #expect(proof.isProven)
  }

  @Test("--keep forces an include live even when flattening would fit")
  func keep() async throws {
    let (flattening, _, _) = try await FlattenFixtures.flatten("flat.test") {
      $0.maxLookups = 2
      $0.keep = ["include:Own.Provider.test."]
    }
    #expect(flattening.liveTerms.map(\.term) == ["?include:own.provider.test"])
    #expect(flattening.misfit == "the live terms cost 3 lookups, over the 2 allowed")
    #expect(flattening.liveTerms.first?.reason == "kept by --keep")
    #expect(flattening.lookupsAfter == 3)
    #expect(!flattening.fits)
  }

  @Test("a redirect whose target redirects is inlined with the target's qualifiers")
  func redirect() async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten("redir.flat.test")
    let top = try #require(FlattenFixtures.texts(flattening).first)
    #expect(top == "v=spf1 ip4:192.0.2.1 ip4:192.0.2.128/26 ~all")
    #expect(proof.isProven, "\(proof.disagreements)")
  }

  @Test("a redirect target's live terms move into the record unless they depend on its domain")
  func redirectWithLiveTerms() async throws {
    let (moved, movedProof, _) = try await FlattenFixtures.flatten("inl.flat.test") { $0.maxLookups = 2 }
    #expect(
      FlattenFixtures.texts(moved)
        == ["v=spf1 ip4:198.51.100.0/24 ip4:203.0.113.7 ip6:2001:db8:7::7 exists:%{i}._allow.provider.test -all"])
    #expect(movedProof.isProven, "\(movedProof.disagreements)")
    // `ptr` without a domain means the target's domain: the redirect stays.
    let (kept, keptProof, _) = try await FlattenFixtures.flatten("rel.flat.test")
    #expect(FlattenFixtures.texts(kept) == ["v=spf1 redirect=_spf.rel.flat.test"])
    #expect(kept.liveTerms.first?.reason.contains("depends on its own domain") == true)
    #expect(keptProof.isProven)
  }

  @Test("an include without a record and an include loop stay live: the permerror is kept, proven")
  func brokenIncludes() async throws {
    let (missing, missingProof, _) = try await FlattenFixtures.flatten("broken.flat.test")
    #expect(FlattenFixtures.texts(missing) == ["v=spf1 ip4:192.0.2.5 include:missing.provider.test -all"])
    #expect(missing.liveTerms.first?.reason.contains("a permerror as published") == true)
    #expect(missingProof.isProven && missingProof.originalPermerrors > 0)
    let (loop, loopProof, _) = try await FlattenFixtures.flatten("loop.flat.test")
    #expect(FlattenFixtures.texts(loop) == ["v=spf1 ip4:192.0.2.6 include:_a.loop.flat.test -all"])
    #expect(loop.liveTerms.first?.reason.contains("holds include:_b.loop.flat.test") == true)
    #expect(loopProof.isProven, "\(loopProof.disagreements)")
  }

  @Test("exists, ptr and macros stay live, counted, and explained")
  func liveTerms() async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten("keeps.flat.test") { $0.maxLookups = 5 }
    let top = try #require(FlattenFixtures.texts(flattening).first)
    #expect(top == "v=spf1 include:live.provider.test ptr ip4:192.0.2.9 -all")
    let reasons = Dictionary(uniqueKeysWithValues: flattening.liveTerms.map { ($0.term, $0.reason) })
    #expect(reasons["ptr"]?.contains("always live") == true)
    #expect(reasons["include:live.provider.test"]?.contains("exists:%{i}._allow.provider.test") == true)
    #expect(flattening.lookupsAfter == 3)
    #expect(proof.isProven, "\(proof.disagreements)")
  }

  @Test("twelve includes flatten to within 10 lookups, proven, where the original is a permerror")
  func overLimit() async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten("big.test")
    #expect(flattening.lookupsBefore == 12)
    #expect(flattening.lookupsAfter <= 10)
    #expect(flattening.fits)
    #expect(proof.isProven, "\(proof.disagreements)")
    #expect(proof.originalPermerrors > 0)
    #expect(proof.lookupsAfter == flattening.lookupsAfter)
  }

  @Test("a set too large for one record becomes a chain, every record under the byte budget")
  func chain() async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten("huge.big.test") {
      $0.maxLookups = 6
      $0.chainPattern = "_fN"
    }
    let records = flattening.zoneRecords
    // 84 hosts of about 17 bytes: at least three chain records under 450 bytes; keeping the
    // include live would cost 8 lookups.
    #expect(records.count >= 4)
    #expect(records.allSatisfy { $0.value.utf8.count <= 450 })
    #expect(records[0].value == "v=spf1 include:_f1.huge.big.test -all")
    #expect(records[1].name == Fixtures.name("_f1.huge.big.test"))
    #expect(records[1].value.hasSuffix("include:_f2.huge.big.test"))
    #expect(records.last?.value.contains("include:") == false)
    #expect(flattening.lookupsAfter == records.count - 1)
    #expect(proof.isProven, "\(proof.disagreements)")
  }
}
