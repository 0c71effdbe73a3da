import Foundation

/// What ``ConsoleSessionService`` touches: console sessions and the audit log.
public typealias ConsoleSessionServiceOperations = ConsoleSessionOperations & AuditOperations

/// Operator console sessions: sign-in and sign-out (the session row and its audit entry,
/// `console.sign_in` and `console.sign_out`, in one transaction) and each request's lookup.
public struct ConsoleSessionService: Sendable {
    let store: ScopedStore<any ConsoleSessionServiceOperations>
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
    }

    /// Stores a new session for `operatorName` under `idHash` (the hash of the cookie's id).
    public func open(idHash: String, operatorName: String) async throws {
        let time = now()
        try await store.transaction { tx in
            try await tx.createConsoleSession(
                ConsoleSession(idHash: idHash, operatorName: operatorName, createdAt: time, lastSeenAt: time))
            _ = try await tx.appendAudit(
                NewAuditEntry(actor: operatorName, action: "console.sign_in", target: nil, occurredAt: time))
        }
    }

    /// Deletes `session`; a replayed cookie finds nothing afterwards.
    public func close(_ session: ConsoleSession) async throws {
        let time = now()
        try await store.transaction { tx in
            _ = try await tx.deleteConsoleSession(idHash: session.idHash)
            _ = try await tx.appendAudit(
                NewAuditEntry(actor: session.operatorName, action: "console.sign_out", target: nil, occurredAt: time))
        }
    }

    /// The live session under `idHash`, its last use moved to now; nil when there is none, when it
    /// has expired by `limits` (every expired session is deleted), or when its operator is no longer
    /// among `operatorNames` (a token removed from the configuration: the session is deleted too).
    public func use(idHash: String, limits: ConsoleSessionLimits, operatorNames: Set<String>) async throws
        -> ConsoleSession?
    {
        let time = now()
        return try await store.transaction { tx in
            guard let session = try await tx.useConsoleSession(idHash: idHash, at: time, limits: limits) else {
                return nil
            }
            guard operatorNames.contains(session.operatorName) else {
                _ = try await tx.deleteConsoleSession(idHash: idHash)
                return nil
            }
            return session
        }
    }
}
