import Foundation

/// One recorded admin action: which token did what to what, and when.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// Store-assigned, increasing identifier.
    public var id: Int64
    /// The name of the admin token used (never the token itself).
    public var actor: String
    /// What was done, e.g. `subscriber.create`, `subscriber.erase`, `digest.queue`.
    public var action: String
    /// What it was done to, e.g. `subscriber:42` or `newsletter:news`.
    public var target: String?
    /// Details as a JSON object text (`{}` when none).
    public var detailJSON: String
    public var occurredAt: Date

    public init(id: Int64, actor: String, action: String, target: String?, detailJSON: String, occurredAt: Date) {
        self.id = id
        self.actor = actor
        self.action = action
        self.target = target
        self.detailJSON = detailJSON
        self.occurredAt = occurredAt
    }
}

/// What a caller supplies to record an admin action; the store assigns the id.
public struct NewAuditEntry: Sendable, Equatable {
    public var actor: String
    public var action: String
    public var target: String?
    public var detailJSON: String
    public var occurredAt: Date

    public init(actor: String, action: String, target: String?, detailJSON: String = "{}", occurredAt: Date) {
        self.actor = actor
        self.action = action
        self.target = target
        self.detailJSON = detailJSON
        self.occurredAt = occurredAt
    }
}

/// The admin audit log: append-only, read newest first.
///
/// Contract: an entry appended inside a transaction lands only if that transaction commits, so a
/// change and its audit row are kept or lost together. Ids increase with every append.
public protocol AuditOperations: Sendable {
    /// Appends one entry and returns its id.
    func appendAudit(_ entry: NewAuditEntry) async throws -> Int64
    /// The entries `filter` selects, newest first.
    func auditEntries(_ filter: AuditFilter) async throws -> [AuditEntry]
}

extension AuditOperations {
    /// Up to `limit` entries with an id below `beforeID` (all when nil), newest first.
    public func auditEntries(beforeID: Int64?, limit: Int) async throws -> [AuditEntry] {
        try await auditEntries(AuditFilter(beforeID: beforeID, limit: limit))
    }
}

/// Which audit entries to read: every condition that is set must hold.
public struct AuditFilter: Sendable, Equatable {
    /// Exactly this operator (token name).
    public var actor: String?
    /// Exactly this action, e.g. `subscriber.erase`.
    public var action: String?
    /// Occurred at or after.
    public var from: Date?
    /// Occurred before.
    public var before: Date?
    /// Ids below this one (the keyset page cursor).
    public var beforeID: Int64?
    public var limit: Int

    public init(
        actor: String? = nil, action: String? = nil, from: Date? = nil, before: Date? = nil, beforeID: Int64? = nil,
        limit: Int
    ) {
        self.actor = actor
        self.action = action
        self.from = from
        self.before = before
        self.beforeID = beforeID
        self.limit = limit
    }

    /// Whether `entry` passes every condition but the page cursor and size.
    public func admits(_ entry: AuditEntry) -> Bool {
        (actor.map { entry.actor == $0 } ?? true) && (action.map { entry.action == $0 } ?? true)
            && (from.map { entry.occurredAt >= $0 } ?? true) && (before.map { entry.occurredAt < $0 } ?? true)
            && (beforeID.map { entry.id < $0 } ?? true)
    }
}
