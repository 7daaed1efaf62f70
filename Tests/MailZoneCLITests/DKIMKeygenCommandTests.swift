import Foundation
import MailZoneDNS
import MailZoneRecords
import MailZoneTestSupport
import Testing

/// `mailzone dkim keygen` run as users run it.
@Suite("mailzone dkim keygen, end to end")
struct DKIMKeygenCommandTests {
  /// A fresh directory for one test's key files.
  func folder() throws -> String {
    let path = NSTemporaryDirectory() + "mailzone-keygen-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    return path
  }

  func mode(_ path: String) throws -> Int {
    try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) & 0o777
  }

  /// The TXT value of the printed zone line, read back by ldns.
  func recordText(_ stdout: String) throws -> String {
    let zone = try ZoneFile(text: "$ORIGIN .\n" + stdout, path: "stdout", origin: .root)
    let entry = try #require(zone.entries.first)
    guard case .txt(let txt) = entry.record.data else {
      throw ZoneFileError(file: "stdout", line: nil, rule: .unreadable, message: "not TXT")
    }
    #expect(txt.strings.allSatisfy { $0.count <= 255 })
    return txt.text
  }

  @Test("RSA 2048 by default: the record parses back, the key file is 0600 and not on stdout")
  func rsaDefault() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/k.pem"
    let result = try CLIRunner.run(["dkim", "keygen", "--selector", "mz1", "--domain", "acme.test", "--out", out])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("mz1._domainkey.acme.test. 3600 IN TXT \"v=DKIM1; k=rsa; p="))
    #expect(!result.stdout.contains("PRIVATE KEY"))
    let record = try DKIMKeyRecord.parse(recordText(result.stdout))
    #expect(record.keyType == .rsa)
    #expect(record.keyBits == 2048)
    #expect(try mode(out) == 0o600)
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
  }

  @Test("ed25519 and the default file name <selector>.<domain>.key.pem, JSON output")
  func ed25519JSON() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let result = try CLIRunner.run(
      ["dkim", "keygen", "--selector", "ed", "--domain", "acme.test", "--type", "ed25519", "--format", "json"],
      environment: [:], workingDirectory: dir)
    #expect(result.status == 0, "\(result.stderr)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    #expect(json["name"] as? String == "ed._domainkey.acme.test")
    #expect(json["type"] as? String == "TXT")
    #expect(json["ttl"] as? Int == 3600)
    #expect(json["private_key_path"] as? String == "ed.acme.test.key.pem")
    let record = try DKIMKeyRecord.parse(try #require(json["value"] as? String))
    #expect(record.keyType == .ed25519)
    #expect(record.keyBits == 256)
    #expect(try mode(dir + "/ed.acme.test.key.pem") == 0o600)
  }

  @Test("an existing key file is kept (exit 64) unless --force")
  func refusesOverwrite() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let out = dir + "/k.pem"
    try "keep me\n".write(toFile: out, atomically: false, encoding: .utf8)
    let args = ["dkim", "keygen", "--selector", "s", "--domain", "acme.test", "--type", "ed25519", "--out", out]
    let refused = try CLIRunner.run(args)
    #expect(refused.status == 64)
    #expect(refused.stderr.contains("--force"))
    #expect(refused.stdout.isEmpty, "no record for a key that was not saved")
    #expect(try String(contentsOfFile: out, encoding: .utf8) == "keep me\n")
    let forced = try CLIRunner.run(args + ["--force"])
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try String(contentsOfFile: out, encoding: .utf8).hasPrefix("-----BEGIN PRIVATE KEY-----"))
    #expect(try mode(out) == 0o600)
  }

  @Test("--private-key-to-stdout prints the PEM and writes no file")
  func privateKeyToStdout() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let result = try CLIRunner.run(
      ["dkim", "keygen", "--selector", "s", "--domain", "acme.test", "--type", "ed25519", "--private-key-to-stdout"],
      environment: [:], workingDirectory: dir)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.hasPrefix("-----BEGIN PRIVATE KEY-----"))
    #expect(result.stdout.contains("s._domainkey.acme.test. 3600 IN TXT \"v=DKIM1; k=ed25519; p="))
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
  }

  @Test("1024 bits works with a warning on stderr")
  func rsa1024() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let result = try CLIRunner.run(
      ["dkim", "keygen", "--selector", "old", "--domain", "acme.test", "--bits", "1024", "--out", dir + "/k.pem"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("RFC 8301"))
    #expect(try DKIMKeyRecord.parse(recordText(result.stdout)).keyBits == 1024)
  }

  @Test(
    "bad selector, domain, bits or type exit 64 and write nothing",
    arguments: [
      ["--selector", "bad_sel", "--domain", "acme.test"], ["--selector", "s", "--domain", "bad..domain"],
      ["--selector", "-s", "--domain", "acme.test"], ["--selector", "s", "--domain", "acme.test", "--bits", "512"],
      ["--selector", "s", "--domain", "acme.test", "--type", "ed25519", "--bits", "2048"],
      ["--selector", "s", "--domain", "acme.test", "--type", "dsa"],
    ])
  func usage(_ arguments: [String]) throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let result = try CLIRunner.run(["dkim", "keygen"] + arguments, environment: [:], workingDirectory: dir)
    #expect(result.status == 64, "\(result.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir).isEmpty)
  }
}
