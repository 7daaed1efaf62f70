#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a domain list (or any line file) line by line with read(2) and a fixed buffer: memory stays the same
/// however long the list (a line longer than `maxLineBytes` is cut there and flagged).
///
/// Blocking and single-owner: `DomainStream` runs one on its own thread.
public final class DomainListReader {
  public static let maxLineBytes = 4096
  private let maxLineBytes: Int
  private let descriptor: Int32
  private let closes: Bool
  private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
  private var start = 0
  private var end = 0
  private var atEOF = false
  private var lineNumber = 0
  public let source: String

  /// Opens `path`, or standard input for `-`.
  public init(path: String, maxLineBytes: Int = DomainListReader.maxLineBytes) throws(DomainListError) {
    source = path
    self.maxLineBytes = maxLineBytes
    if path == "-" {
      descriptor = 0
      closes = false
    } else {
      let fd = open(path, O_RDONLY | O_CLOEXEC)
      guard fd >= 0 else { throw DomainListError(source: path, message: "cannot read: \(Self.errorText(errno))") }
      var info = stat()
      if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
        close(fd)
        throw DomainListError(source: path, message: "cannot read: is a directory")
      }
      descriptor = fd
      closes = true
    }
  }

  deinit {
    if closes { close(descriptor) }
  }

  /// The next line (without `\n`), its 1-based number, and whether it was cut at `maxLineBytes`.
  public func next() throws(DomainListError) -> (line: Int, text: String, cut: Bool)? {
    var line: [UInt8] = []
    var cut = false
    while true {
      if start == end {
        if atEOF { break }
        try fill()
        continue
      }
      let newline = buffer[start..<end].firstIndex(of: UInt8(ascii: "\n"))
      let stop = newline ?? end
      let room = maxLineBytes - line.count
      if stop - start > room {
        line += buffer[start..<(start + room)]
        cut = true
      } else {
        line += buffer[start..<stop]
      }
      if let newline {
        start = newline + 1
        lineNumber += 1
        return (lineNumber, String(decoding: line, as: UTF8.self), cut)
      }
      start = end
    }
    guard !line.isEmpty || cut else { return nil }
    lineNumber += 1
    return (lineNumber, String(decoding: line, as: UTF8.self), cut)
  }

  private func fill() throws(DomainListError) {
    start = 0
    end = 0
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count > 0 {
        end = count
        return
      }
      if count == 0 {
        atEOF = true
        return
      }
      if errno == EINTR { continue }
      throw DomainListError(source: source, message: "read failed after line \(lineNumber): \(Self.errorText(errno))")
    }
  }

  /// Newlines in a regular file (a line count for progress), or nil for pipes and terminals.
  public static func lineCount(path: String) -> Int? {
    guard path != "-" else { return nil }
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
    var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    var lines = 0
    var last: UInt8 = UInt8(ascii: "\n")
    while true {
      let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      guard count > 0 else { break }
      for byte in buffer[0..<count] where byte == UInt8(ascii: "\n") { lines += 1 }
      last = buffer[count - 1]
    }
    return last == UInt8(ascii: "\n") ? lines : lines + 1
  }

  static func errorText(_ code: Int32) -> String {
    String(cString: strerror(code))
  }
}

/// A domain list that cannot be read (exit 65 in the CLI).
public struct DomainListError: Error, Sendable, CustomStringConvertible {
  public var source: String
  public var message: String
  public var description: String { "\(source): \(message)" }
}
