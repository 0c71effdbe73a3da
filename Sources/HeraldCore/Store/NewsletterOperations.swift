import Foundation

/// The newsletters configured for this installation (configuration is the source of truth).
public protocol NewsletterOperations: Sendable {
    /// Inserts or updates newsletters by slug (configuration is the source of truth).
    func upsertNewsletter(_ newsletter: Newsletter) async throws
    /// All known newsletters, ordered by slug.
    func newsletters() async throws -> [Newsletter]
}
