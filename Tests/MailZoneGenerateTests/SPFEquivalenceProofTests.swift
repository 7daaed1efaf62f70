import Foundation
import MailZoneDNS
import MailZoneGenerate
import MailZoneNet
import MailZoneTestSupport
import Testing

@Suite("SPFEquivalenceProof: a flattening is published only when check_host agrees")
struct SPFEquivalenceProofTests {
  @Test("a deliberately wrong flattening (one network dropped) is caught at that network")
  func catchesWrongFlattening() async throws {
    let (flattening, proof, resolver) = try await FlattenFixtures.flatten("flat.test") { $0.maxLookups = 2 }
    #expect(proof.isProven)
    let top = try #require(flattening.zoneRecords.first)
    let wrong = top.value.replacingOccurrences(of: " ip4:64.233.160.0/19", with: "")
    #expect(wrong != top.value)
    let record = ResourceRecord(
      owner: top.name, type: .txt, ttl: 300, data: .txt(TXTData(strings: [Array(wrong.utf8)].flatMap(chunks))))
    let probes = SPFEquivalenceProof.probes(flattening, randomSamples: 32, seed: 1)
    let broken = await SPFEquivalenceProof.compare(
      top.name, records: [record], ownedNames: [], resolver: resolver, probes: probes)
    #expect(!broken.isProven)
    let network = try #require(IPNetwork("64.233.160.0/19"))
    #expect(broken.disagreements.contains { $0.ip == network.first && $0.original == .pass && $0.flattened == .fail })
    #expect(broken.disagreements.contains { $0.ip == network.last })
    #expect(broken.tested == probes.count)
    #expect(broken.agreeing + broken.disagreements.count == broken.tested)
  }

  @Test("a wrong qualifier (the child's ~all flattened as a pass) is caught too")
  func catchesWrongQualifier() async throws {
    let (flattening, _, resolver) = try await FlattenFixtures.flatten("flat.test") { $0.maxLookups = 2 }
    let top = try #require(flattening.zoneRecords.first)
    let wrong = top.value.replacingOccurrences(of: " -all", with: " ip4:172.217.48.0/20 -all")
    let record = ResourceRecord(
      owner: top.name, type: .txt, ttl: 300, data: .txt(TXTData(strings: [Array(wrong.utf8)].flatMap(chunks))))
    let proof = await SPFEquivalenceProof.compare(
      top.name, records: [record], ownedNames: [], resolver: resolver,
      probes: SPFEquivalenceProof.probes(flattening, randomSamples: 0, seed: 1))
    #expect(proof.disagreements.contains { $0.ip.description == "172.217.48.0" && $0.flattened == .pass })
  }

  @Test("the probes hold each network's boundaries and are the same for the same seed")
  func probes() async throws {
    let (flattening, _, _) = try await FlattenFixtures.flatten("flat.test") { $0.maxLookups = 2 }
    let probes = SPFEquivalenceProof.probes(flattening, randomSamples: 64, seed: 9)
    for text in ["66.102.0.0", "66.102.15.255", "66.101.255.255", "66.102.16.0", "2404:6800:4000::"] {
      #expect(probes.contains(try #require(IPAddress(text))), "\(text)")
    }
    #expect(probes == SPFEquivalenceProof.probes(flattening, randomSamples: 64, seed: 9))
    #expect(Set(probes).count == probes.count)
  }

  @Test(
    "the emitted lines load as a zone and pass nsd-checkzone", arguments: ["flat.test", "big.test", "huge.big.test"])
  func zoneLoads(_ domain: String) async throws {
    let (flattening, proof, _) = try await FlattenFixtures.flatten(domain) { $0.maxLookups = 6 }
    #expect(proof.isProven)
    let lines = flattening.zoneRecords.map(\.bindLine).joined(separator: "\n")
    let text =
      "$ORIGIN \(domain).\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.53\n"
      + lines + "\n"
    let zone = try ZoneFile(text: text, path: "flattened")
    let txt = zone.entries.compactMap { entry -> String? in
      if case .txt(let data) = entry.record.data { data.text } else { nil }
    }
    #expect(txt == flattening.zoneRecords.map(\.value))
    try #require(FlattenFixtures.hasChecker, "nsd-checkzone is not installed")
    let (status, output) = try FlattenFixtures.nsdCheck(apex: domain, flattening.zoneRecords)
    #expect(status == 0, "\(output)")
  }

  @Test("the overlay answers its records and owned names, and passes the rest upstream")
  func overlay() async throws {
    let resolver = try FlattenFixtures.resolver()
    let record = ResourceRecord(
      owner: Fixtures.name("_spf9.flat.test"), type: .txt, ttl: 60, data: .txt(TXTData(strings: [Array("x".utf8)])))
    let overlay = OverlayResolver(
      upstream: resolver, records: [record], ownedNames: [Fixtures.name("_spf9.flat.test")])
    #expect(await overlay.txt(Fixtures.name("_spf9.flat.test")).records.map(\.text) == ["x"])
    #expect(await overlay.a(Fixtures.name("_spf9.flat.test")).status == .noData)
    #expect(await overlay.a(Fixtures.name("mail.flat.test")).records.map(\.description) == ["203.0.113.11"])
    #expect(await overlay.txt(Fixtures.name("nothing.flat.test")).status == .nxDomain)
  }
}

/// ≤255-byte character-strings of a value.
private func chunks(_ bytes: [UInt8]) -> [[UInt8]] {
  stride(from: 0, to: bytes.count, by: 255).map { Array(bytes[$0..<min($0 + 255, bytes.count)]) }
}
