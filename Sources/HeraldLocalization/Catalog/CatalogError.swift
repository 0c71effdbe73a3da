/// Why a message catalog (or the plural rules) could not be loaded: the file, the 1-based line
/// and the reason, so a translator can fix it. A malformed catalog stops start-up with this.
///
/// Compare with `==` in tests; read ``description`` for the message an operator sees.
public struct CatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file the problem is in (as it was given to the loader).
    public let file: String
    /// The 1-based line of the problem; 0 when it concerns the whole file.
    public let line: Int
    /// What is wrong, in words an operator can act on.
    public let reason: String

    /// A problem in `file` at `line`.
    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        line > 0 ? "locales: \(file):\(line): \(reason)" : "locales: \(file): \(reason)"
    }
}
