#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a Public Suffix List file could not be read.
public struct PublicSuffixListError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "\(path): \(reason)" }
}

extension PublicSuffixList {
  /// Reads a whole text file without Foundation (the audit module stays light).
  static func read(_ path: String) throws(PublicSuffixListError) -> String {
    guard let file = fopen(path, "rb") else {
      throw PublicSuffixListError(path: path, reason: String(cString: strerror(errno)).lowercased())
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
      if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
      if count < chunk.count {
        if ferror(file) != 0 { throw PublicSuffixListError(path: path, reason: "read error") }
        break
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
