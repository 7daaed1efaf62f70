/// Why a key could not be generated: bad input (exit 64) or the crypto library failed.
public struct DKIMKeyGenerationError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Code: String, Sendable, Hashable {
    case invalidSelector, invalidDomain, unsupportedKeySize, cryptoFailure, verificationFailed
  }

  public var code: Code
  public var message: String

  public init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  public var description: String { message }
}
