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
    /// Up to `limit` entries with an id below `beforeID` (all when nil), newest first.
    func auditEntries(beforeID: Int64?, limit: Int) async throws -> [AuditEntry]
}
