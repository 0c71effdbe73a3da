import Foundation

/// Confirmation and management tokens, stored only as hashes of their secrets.
public protocol TokenOperations: Sendable {
    /// Stores a token hash; throws `.duplicate` when the hash exists.
    func insertToken(_ token: TokenRecord) async throws
    /// The token with this hash, if any (expired and used ones too).
    func token(hash: String) async throws -> TokenRecord?
    /// Marks a token used; returns false when it was already used (single-use guard).
    func markTokenUsed(hash: String, at time: Date) async throws -> Bool
}
