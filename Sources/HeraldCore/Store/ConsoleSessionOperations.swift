import Foundation

/// One signed-in operator console session, as stored: only the SHA-256 digest of its random id.
public struct ConsoleSession: Sendable, Equatable {
    /// Lower-case hex SHA-256 of the session id the browser holds (the id itself is never stored).
    public var idHash: String
    /// The admin token's name the operator signed in with (the audit log's actor).
    public var operatorName: String
    /// When the operator signed in (the absolute lifetime counts from here).
    public var createdAt: Date
    /// When the session was last used (the idle timeout counts from here).
    public var lastSeenAt: Date

    /// A session.
    public init(idHash: String, operatorName: String, createdAt: Date, lastSeenAt: Date) {
        self.idHash = idHash
        self.operatorName = operatorName
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
    }
}

/// The limits a session is checked against when it is used.
public struct ConsoleSessionLimits: Sendable, Equatable {
    /// Longest life of a session from sign-in.
    public var absolute: TimeInterval
    /// Longest pause between two uses.
    public var idle: TimeInterval

    /// Limits; the defaults are 12 hours and 30 minutes.
    public init(absolute: TimeInterval = 12 * 3600, idle: TimeInterval = 30 * 60) {
        self.absolute = absolute
        self.idle = idle
    }
}

/// Operator console sessions, kept in the database so every `herald serve` process sharing it
/// knows them.
public protocol ConsoleSessionOperations: Sendable {
    /// Stores a new session. Throws `StoreError.duplicate` when its `idHash` exists.
    func createConsoleSession(_ session: ConsoleSession) async throws

    /// The live session with `idHash`, its `lastSeenAt` moved to `time`; nil when there is none or
    /// it is expired — signed in `limits.absolute` or more before `time`, or unused for
    /// `limits.idle` or more. Every expired session (not only this one) is deleted first.
    func useConsoleSession(idHash: String, at time: Date, limits: ConsoleSessionLimits) async throws
        -> ConsoleSession?

    /// Deletes the session with `idHash` (sign-out); true when there was one.
    @discardableResult
    func deleteConsoleSession(idHash: String) async throws -> Bool

    /// Deletes every session of an operator not in `operatorNames` (a token removed from the
    /// configuration); returns how many.
    @discardableResult
    func deleteConsoleSessions(keepingOperators operatorNames: [String]) async throws -> Int
}
