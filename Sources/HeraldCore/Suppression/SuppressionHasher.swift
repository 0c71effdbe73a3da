import Crypto
import Foundation

/// Turns a canonical address key into the keyed hash the suppression list stores.
///
/// HMAC-SHA256 with the installation's erasure key, kept outside the database (see
/// ``SecretKeyRing``), so the list cannot be reversed by hashing a dictionary of addresses. The key schedule
/// is computed once; hashing one address costs two SHA-256 compressions.
///
/// `@unchecked Sendable`: the keyed `HMAC` is a value that is only ever copied, never mutated in
/// place (each hash updates a private copy).
public struct SuppressionHasher: @unchecked Sendable {
    /// The settings row holding the secret.
    public static let keySetting = "suppression_hash_key"

    private let keyed: HMAC<SHA256>

    /// A hasher with `secret` (base64url text as stored in settings).
    public init(secret: String) {
        keyed = HMAC<SHA256>(key: SymmetricKey(data: Array(secret.utf8)))
    }

    /// The hasher of this installation: keyed with the erasure key from the key file, which the
    /// store was given at start-up; in a store without one (tests), with the key kept in settings,
    /// created on first use.
    public static func current(in tx: any SettingOperations) async throws -> SuppressionHasher {
        if let key = tx.erasureKeySlot?.key { return SuppressionHasher(secret: key) }
        return SuppressionHasher(secret: try await tx.setting(named: keySetting, default: TokenSecret.generate().text))
    }

    /// Lower-case hex HMAC-SHA256 of `canonicalKey` (64 characters).
    public func hash(canonicalKey: String) -> String {
        var mac = keyed
        mac.update(data: Array(canonicalKey.utf8))
        return Hex.encode(mac.finalize())
    }

    /// The hash of `address` (by its canonical key).
    public func hash(_ address: EmailAddress) -> String { hash(canonicalKey: address.canonicalKey) }
}
