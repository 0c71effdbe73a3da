/// A configuration problem, naming the key and where it came from; start-up stops on it.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// "herald.yml:12: key 'listen': expected host:port, got 'x'" or "HERALD_LISTEN: …".
    public let description: String

    public init(_ description: String) { self.description = description }
}
