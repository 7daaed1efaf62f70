import Foundation
public import MailZoneDNS
import MailZoneNet

/// A real authoritative DNS server (Debian's NSD) on a free loopback port, serving the fixture
/// zones, started once per test process and stopped by its PID when the process exits.
///
/// NSD runs under a small shell watchdog that holds a pipe from this process: if the test
/// process dies without running its exit handler, the pipe closes and the watchdog ends NSD.
public final class NSDServer: Sendable {
  /// Zones served: every file in `Tests/Fixtures/zones` (apex = file name without `.zone`),
  /// plus `broken.test`, which fails to load and so answers SERVFAIL.
  public let zoneFiles: [String]
  public let port: Int
  public let pid: Int32
  public let directory: String

  /// The server as a `--nameserver` value.
  public var nameserver: Nameserver { Nameserver(address: .v4(IPv4Address(127, 0, 0, 1)), port: port) }

  /// The shared server, started on first use. Throws (failing the test) when NSD is missing.
  public static func shared() throws -> NSDServer {
    try sharedServer.get()
  }

  private static let sharedServer: Result<NSDServer, NSDError> = Result { () throws(NSDError) in
    try NSDServer.start()
  }

  private init(zoneFiles: [String], port: Int, pid: Int32, directory: String) {
    self.zoneFiles = zoneFiles
    self.port = port
    self.pid = pid
    self.directory = directory
  }

  private static func start() throws(NSDError) -> NSDServer {
    guard let nsd = ["/usr/sbin/nsd", "/usr/local/sbin/nsd"].first(where: FileManager.default.isExecutableFile)
    else {
      throw NSDError(
        "nsd is not installed: resolver tests need a real DNS server (run `make test`, or apt-get install nsd)")
    }
    let zones = Fixtures.zoneFiles
    var lastError = NSDError("no attempt")
    for _ in 0..<5 {
      do {
        return try launch(nsd: nsd, zones: zones)
      } catch {
        lastError = error
      }
    }
    throw lastError
  }

  private static func launch(nsd: String, zones: [String]) throws(NSDError) -> NSDServer {
    let port = try FreePort.find()
    let directory = NSTemporaryDirectory() + "mailzone-nsd-\(getpid())-\(port)"
    do {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      try configuration(port: port, directory: directory, zones: zones)
        .write(toFile: directory + "/nsd.conf", atomically: true, encoding: .utf8)
    } catch {
      throw NSDError("cannot write the NSD configuration in \(directory): \(error)")
    }
    let watchdog = Process()
    watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
    // `read` returns when this process's end of the pipe closes, however it exits. Process makes
    // the shell a process-group leader, and NSD and its server children stay in that group, so
    // `kill 0` ends them all. SIGKILL, because children of the test process inherit a signal mask
    // that blocks SIGTERM.
    watchdog.arguments = [
      "-c", "\"$0\" -d -c \"$1\" & echo $! > \"$2\"; read -r _; kill -KILL 0",
      nsd, directory + "/nsd.conf", directory + "/child.pid",
    ]
    let pipe = Pipe()
    watchdog.standardInput = pipe
    watchdog.standardOutput = FileHandle.nullDevice
    watchdog.standardError = FileHandle.nullDevice
    do { try watchdog.run() } catch { throw NSDError("cannot start nsd: \(error)") }
    Lifetime.keep(pipe: pipe)
    let pid = try waitUntilStarted(directory: directory, watchdog: watchdog)
    Lifetime.stopAtExit(pid: pid, group: watchdog.processIdentifier, directory: directory)
    return NSDServer(zoneFiles: zones, port: port, pid: pid, directory: directory)
  }

  private static func waitUntilStarted(directory: String, watchdog: Process) throws(NSDError) -> Int32 {
    let log = directory + "/nsd.log"
    for _ in 0..<200 {
      let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
      if text.contains("nsd started"),
        let pidText = try? String(contentsOfFile: directory + "/child.pid", encoding: .utf8),
        let pid = Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return pid
      }
      if !watchdog.isRunning || text.contains("can't bind") || text.contains("could not") {
        throw NSDError("nsd did not start; its log says:\n\(text)")
      }
      usleep(50_000)
    }
    throw NSDError("nsd did not report 'nsd started' within 10 s (log: \(log))")
  }

  private static func configuration(port: Int, directory: String, zones: [String]) -> String {
    var text = """
      server:
        ip-address: 127.0.0.1
        port: \(port)
        do-ip6: no
        server-count: 1
        username: ""
        zonesdir: "\(directory)"
        database: ""
        zonelistfile: ""
        xfrdfile: ""
        xfrdir: "\(directory)"
        pidfile: "\(directory)/nsd.pid"
        logfile: "\(directory)/nsd.log"
        verbosity: 1
        hide-version: yes
        tcp-count: 200
        receive-buffer-size: 4194304
        send-buffer-size: 4194304
        rrl-ratelimit: 0
        rrl-whitelist-ratelimit: 0
      remote-control:
        control-enable: no

      """
    for file in zones + [Fixtures.brokenZone] {
      let name = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
      text += "zone:\n  name: \"\(name)\"\n  zonefile: \"\(file)\"\n"
    }
    return text
  }
}

/// Why the test server could not be started.
public struct NSDError: Error, CustomStringConvertible {
  public var description: String
  init(_ description: String) { self.description = description }
}

/// Keeps the watchdog pipe open and stops NSD when the process exits.
private enum Lifetime {
  nonisolated(unsafe) static var pipes: [Pipe] = []
  nonisolated(unsafe) static var pid: Int32 = 0
  nonisolated(unsafe) static var group: Int32 = 0
  nonisolated(unsafe) static var directory = ""

  static func keep(pipe: Pipe) { pipes.append(pipe) }

  /// At exit: the watchdog's process group when NSD is in it (never our own group), else NSD alone.
  static func stopAtExit(pid: Int32, group: Int32, directory: String) {
    Lifetime.pid = pid
    Lifetime.group = group
    Lifetime.directory = directory
    atexit {
      defer { try? FileManager.default.removeItem(atPath: Lifetime.directory) }
      let group = Lifetime.group
      if group > 0, getpgid(Lifetime.pid) == group, group != getpgrp() {
        kill(-group, SIGKILL)
      } else if Lifetime.pid > 0 {
        kill(Lifetime.pid, SIGKILL)
      }
    }
  }
}
