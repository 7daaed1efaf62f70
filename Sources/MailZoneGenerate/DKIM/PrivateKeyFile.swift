import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a private key so that no one but the owner can ever read it.
public enum PrivateKeyFile {
  /// Why the key was not written.
  public struct WriteError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String
    /// The file was there and `overwrite` was not given.
    public var exists: Bool
    public var description: String { "\(path): \(reason)" }
  }

  /// Writes `contents` to `path` with mode 0600.
  ///
  /// The file is created 0600 by `open(2)` itself (`O_CREAT | O_EXCL`), so it is never readable by
  /// others, not even between creation and a `chmod`. Without `overwrite` an existing file is an
  /// error; with it the key goes to a fresh 0600 file beside `path` that is then renamed over it, so
  /// the old file's mode never applies to the new key.
  public static func write(_ contents: String, to path: String, overwrite: Bool) throws(WriteError) {
    guard overwrite else {
      try create(path, contents, reportingExisting: true)
      return
    }
    let temporary = path + ".tmp-\(getpid())"
    try create(temporary, contents, reportingExisting: false)
    guard rename(temporary, path) == 0 else {
      let reason = lastError()
      unlink(temporary)
      throw WriteError(path: path, reason: "cannot replace: \(reason)", exists: false)
    }
  }

  private static func create(_ path: String, _ contents: String, reportingExisting: Bool) throws(WriteError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR)
    guard descriptor >= 0 else {
      let existed = errno == EEXIST
      let reason =
        existed && reportingExisting ? "already exists; pass --force to replace it" : "cannot create: \(lastError())"
      throw WriteError(path: path, reason: reason, exists: existed)
    }
    defer { close(descriptor) }
    // The umask can only take bits away; set exactly 0600 so the mode does not depend on it.
    var failure: String?
    if fchmod(descriptor, S_IRUSR | S_IWUSR) != 0 { failure = "cannot set mode 0600: \(lastError())" }
    if failure == nil { failure = writeAll(descriptor, Array(contents.utf8)) }
    if failure == nil, fsync(descriptor) != 0 { failure = "cannot sync: \(lastError())" }
    if let failure {
      unlink(path)
      throw WriteError(path: path, reason: failure, exists: false)
    }
  }

  private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// Writes every byte, retrying short writes and EINTR; the error text, or nil when all were written.
private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> String? {
  var offset = 0
  while offset < bytes.count {
    let written = bytes.withUnsafeBytes { buffer in
      write(descriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
    }
    if written < 0, errno == EINTR { continue }
    guard written > 0 else { return "cannot write: \(String(cString: strerror(errno)))" }
    offset += written
  }
  return nil
}
