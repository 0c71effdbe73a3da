/// A failure of a subscriber store, in terms the caller can act on.
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Code: Equatable {
        case duplicate
        case notFound
        case unavailable
        case corrupt
        case migration
    }

    let code: Code
    /// What went wrong, for operators (no personal data).
    public let message: String

    /// A row with the same unique key already exists.
    public static func duplicate(_ message: String) -> StoreError { StoreError(code: .duplicate, message: message) }
    /// The row the operation needs does not exist.
    public static func notFound(_ message: String) -> StoreError { StoreError(code: .notFound, message: message) }
    /// The database cannot be reached or is busy/full; retry later.
    public static func unavailable(_ message: String) -> StoreError { StoreError(code: .unavailable, message: message) }
    /// The database returned data that breaks the schema's promises.
    public static func corrupt(_ message: String) -> StoreError { StoreError(code: .corrupt, message: message) }
    /// A schema migration failed; nothing was changed.
    public static func migration(_ message: String) -> StoreError { StoreError(code: .migration, message: message) }

    public var isDuplicate: Bool { code == .duplicate }
    public var isNotFound: Bool { code == .notFound }
    public var isUnavailable: Bool { code == .unavailable }

    public var description: String { "store: \(message)" }
}
