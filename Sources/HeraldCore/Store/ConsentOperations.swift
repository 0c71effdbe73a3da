import Foundation

/// The append-only consent log: who agreed to what, when and from where.
public protocol ConsentOperations: Sendable {
    /// Appends one consent event.
    func appendConsent(_ event: ConsentEvent) async throws
    /// A subscriber's consent history, oldest first.
    func consentEvents(subscriberID: Int64) async throws -> [ConsentEvent]
}
