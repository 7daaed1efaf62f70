#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file could not be read.
public struct FileReadError: Error, Sendable, CustomStringConvertible {
  public var path: String
  public var reason: String
  public var description: String { "\(path): \(reason)" }
}

/// Reads a whole file as bytes without Foundation (this module stays light).
func readFileBytes(_ path: String) throws(FileReadError) -> [UInt8] {
  guard let file = fopen(path, "rb") else {
    throw FileReadError(path: path, reason: String(cString: strerror(errno)).lowercased())
  }
  defer { fclose(file) }
  var out: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65_536)
  while true {
    let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    if count > 0 { out.append(contentsOf: chunk[0..<count]) }
    if count < chunk.count {
      if ferror(file) != 0 { throw FileReadError(path: path, reason: "read error") }
      break
    }
  }
  return out
}

func readFile(_ path: String) throws(FileReadError) -> String {
  String(decoding: try readFileBytes(path), as: UTF8.self)
}
