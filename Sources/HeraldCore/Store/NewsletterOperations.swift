import Foundation

/// The newsletters configured for this installation (configuration is the source of truth).
public protocol NewsletterOperations: Sendable {
    /// Inserts or updates newsletters by slug (configuration is the source of truth). Digest issues
    /// written before issues had a language (and the articles they remember) get the newsletter's
    /// ``Newsletter/language``.
    func upsertNewsletter(_ newsletter: Newsletter) async throws
    /// All known newsletters, ordered by slug.
    func newsletters() async throws -> [Newsletter]
}
