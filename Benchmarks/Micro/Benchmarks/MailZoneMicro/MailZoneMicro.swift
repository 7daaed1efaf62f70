import Benchmark
import Foundation
@_spi(Benchmarks) import MailZoneAudit
@_spi(Benchmarks) import MailZoneDNS
import MailZoneNet
import MailZoneRecords

/// mailzone's hot paths, each over fixed input: record parsing, SPF macro expansion, the checks
/// over a collected snapshot, the ldns packet codec, and zone-file parsing.
let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .mallocCountTotal],
    timeUnits: .microseconds,
    warmupIterations: 10,
    maxDuration: .seconds(2),
    maxIterations: 100_000
  )
  let scaled = Benchmark.Configuration(
    metrics: Benchmark.defaultConfiguration.metrics, timeUnits: .nanoseconds, warmupIterations: 10,
    scalingFactor: .kilo, maxDuration: .seconds(2), maxIterations: 100_000)

  Benchmark("SPF record parse", configuration: scaled) { benchmark in
    _ = Inputs.require(try? SPFRecord.parse(Inputs.spf), "the SPF input parses")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(try? SPFRecord.parse(Inputs.spf)) }
  }

  Benchmark("DMARC record parse", configuration: scaled) { benchmark in
    _ = Inputs.require(try? DMARCRecord.parse(Inputs.dmarc), "the DMARC input parses")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(try? DMARCRecord.parse(Inputs.dmarc)) }
  }

  Benchmark("DKIM key record parse (RSA 2048)", configuration: scaled) { benchmark in
    let key = Inputs.require(try? DKIMKeyRecord.parse(Inputs.dkim), "the DKIM input parses")
    _ = Inputs.require(key.keyBits == 2048 ? key : nil, "the DKIM input is a 2048-bit key")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(try? DKIMKeyRecord.parse(Inputs.dkim)) }
  }

  Benchmark("SPF macro expansion", configuration: scaled) { benchmark in
    let spec = Inputs.require(try? MacroString.parse(Inputs.macro, context: .domainSpec), "the macro parses")
    let request = SPFCheckRequest(
      ip: .v4(IPv4Address(192, 0, 2, 3)), sender: "user@mail.example.com", helo: "mail.example.com")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(SPFMacroBenchmarkHooks.expandDomain(spec, request: request, domain: "example.com"))
    }
  }

  Benchmark("checks over a snapshot (outreach.example, all checks)") { benchmark in
    let zone = Inputs.outreach()
    let resolver = CachingResolver(upstream: ZoneFileResolver(files: [zone]))
    let snapshot = await DomainSnapshot.collect(
      zone.apex, context: CollectionContext(resolver: resolver, options: AuditOptions(publicSuffixList: nil)))
    _ = Inputs.require(
      AuditRunner.evaluate(snapshot, checks: CheckRegistry.all).isEmpty ? nil : snapshot, "the checks find something")
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations { blackHole(AuditRunner.evaluate(snapshot, checks: CheckRegistry.all)) }
  }

  Benchmark("audit from a zone file (collect + checks, outreach.example)") { benchmark in
    let zone = Inputs.outreach()
    let files = ZoneFileResolver(files: [zone])
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      let runner = AuditRunner(
        cache: CachingResolver(upstream: files), options: AuditOptions(publicSuffixList: nil))
      blackHole(await runner.audit(zone.apex))
    }
  }

  Benchmark("DNS packet build + parse (ldns, TXT query and 3-record reply)", configuration: scaled) { benchmark in
    let name = Inputs.require(try? DNSName("example.com"), "the name is valid")
    let query = Inputs.require(DNSCodecBenchmarkHooks.makeQuery(name: name, type: .txt, id: 1), "ldns builds the query")
    let reply = Inputs.reply(to: query, texts: [Inputs.spf, "google-site-verification=abcdefghijklmnop", Inputs.dmarc])
    let parsed = Inputs.require(DNSCodecBenchmarkHooks.parseReply(reply), "ldns parses the reply")
    _ = Inputs.require(parsed.answer.count == 3 ? parsed : nil, "the reply has 3 TXT records")
    benchmark.startMeasurement()
    for index in benchmark.scaledIterations {
      blackHole(DNSCodecBenchmarkHooks.makeQuery(name: name, type: .txt, id: UInt16(truncatingIfNeeded: index)))
      blackHole(DNSCodecBenchmarkHooks.parseReply(reply))
    }
  }

  Benchmark("zone file parse (outreach.example.zone)") { benchmark in
    _ = Inputs.outreach()
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try? ZoneFile(text: Inputs.outreachZone, path: "outreach.example.zone"))
    }
  }
}

/// Fixed inputs, so that runs compare like with like.
enum Inputs {
  static let spf =
    "v=spf1 ip4:192.0.2.0/24 ip4:198.51.100.0/24 ip6:2001:db8::/32 include:_spf.google.com "
    + "include:spf.protection.outlook.com a mx:mail.example.com ~all"
  static let dmarc =
    "v=DMARC1; p=reject; sp=quarantine; pct=100; rua=mailto:dmarc@example.com,mailto:reports@vendor.example!10m; "
    + "ruf=mailto:forensic@example.com; adkim=s; aspf=r; fo=1"
  /// A real 2048-bit RSA SubjectPublicKeyInfo.
  static let dkim =
    "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAp+M9U2NmoL+S1ItLI+prR/q1smXx9+HRLNslLGYo2VcXiFVjVktzZzMldObL66RC4ZlP4x0EAFtJWDYpwLa7FwM37xXVso1v4kylKkjPvk78xGzz7nO/J78tL0593cFIMiA3u0xWEc0Kw1l1hN2c+S0ZO0Yvu6xPg+ZRfLzVjKn5/e1lFR2eEm6nkCIJB24NyivCrAlzkmlbaK7i0uN7Sf9NZYeEPZhofBwVP5ceLGMJDLKH4VLvPw49xbes8qEGjFxs4UspEgxvv9JB1dmcz5RPYVI+6jFBnK2jKVJa5joGqvLBn6qHeX/i+Om615Qj18yAQQ8nnG9sbCn6lHOWlwIDAQAB"
  static let macro = "%{ir}.%{v}._spf.%{d2}"

  /// Examples/outreach.example.zone, read once.
  static let outreachZone: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let path = root.appendingPathComponent("Examples/outreach.example.zone").path
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
  }()

  /// Examples/outreach.example.zone parsed.
  static func outreach() -> ZoneFile {
    require(try? ZoneFile(text: outreachZone, path: "outreach.example.zone"), "Examples/outreach.example.zone loads")
  }

  /// Stops the run when an input is not what the benchmark means to measure (a parse error path
  /// would be timed instead).
  static func require<T>(_ value: T?, _ what: String) -> T {
    guard let value else {
      FileHandle.standardError.write(Data("MailZoneMicro: expected \(what)\n".utf8))
      exit(1)
    }
    return value
  }

  /// A NOERROR reply to `query` (its header and question, QR and AA set) with one TXT answer per
  /// text, each owner a compression pointer to the question name.
  static func reply(to query: [UInt8], texts: [String]) -> [UInt8] {
    var questionEnd = 12
    while questionEnd < query.count, query[questionEnd] != 0 { questionEnd += Int(query[questionEnd]) + 1 }
    questionEnd += 5
    var packet = Array(query[0..<2]) + [0x85, 0x00, 0x00, 0x01, 0x00, UInt8(texts.count), 0x00, 0x00, 0x00, 0x00]
    packet += query[12..<questionEnd]
    for text in texts {
      var rdata: [UInt8] = []
      var bytes = Array(text.utf8)[...]
      while !bytes.isEmpty {
        let chunk = bytes.prefix(255)
        rdata.append(UInt8(chunk.count))
        rdata += chunk
        bytes = bytes.dropFirst(chunk.count)
      }
      packet += [0xC0, 0x0C, 0x00, 0x10, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2C]
      packet += [UInt8(rdata.count >> 8), UInt8(rdata.count & 0xFF)] + rdata
    }
    return packet
  }
}
