import Crypto
import Foundation

/// Signs and checks the long-lived unsubscribe/preferences tokens put in every newsletter mail.
///
/// A token names a subscriber and a newsletter and carries an HMAC-SHA256 over both with a secret
/// key, so it can be put in millions of digests without storing a row per mail, yet cannot be
/// forged or altered. Verification compares MACs in constant time.
///
/// Keys rotate: the first key signs, every key verifies, so links in mail sent before a rotation
/// keep working until their key is removed from the key ring.
public struct ManageLinkSigner: Sendable {
    private let keys: [[UInt8]]

    /// A signer with one key (at least 32 bytes of randomness, as base64url text).
    public init(secret: String) {
        self.init(keys: [secret])
    }

    /// A signer whose first key signs and whose keys all verify; `keys` must not be empty.
    public init(keys: [String]) {
        precondition(!keys.isEmpty, "a manage-link signer needs a key")
        self.keys = keys.map { Array($0.utf8) }
    }

    /// A fresh random secret to store once per installation.
    public static func generateSecret() -> String { TokenSecret.generate().text }

    /// The token for `subscriberID` and `newsletter`: `<id>.<slug>.<mac>`.
    public func token(subscriberID: Int64, newsletter: String) -> String {
        "\(subscriberID).\(newsletter).\(mac(subscriberID: subscriberID, newsletter: newsletter, key: keys[0]))"
    }

    /// The subscriber and newsletter a token names, or nil when it is malformed or forged.
    public func verify(_ token: String) -> (subscriberID: Int64, newsletter: String)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 200, parts.count == 3, let id = Int64(parts[0]), id > 0 else { return nil }
        let newsletter = String(parts[1])
        let given = Array(parts[2].utf8)
        var matched = false  // every key is tried, so the time does not tell which one matched
        for key in keys {
            let expected = mac(subscriberID: id, newsletter: newsletter, key: key)
            matched = ConstantTime.equal(Array(expected.utf8), given) || matched
        }
        return matched ? (id, newsletter) : nil
    }

    private func mac(subscriberID: Int64, newsletter: String, key keyBytes: [UInt8]) -> String {
        let message = Array("manage:\(subscriberID):\(newsletter)".utf8)
        return Base64URL.encode(
            Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: keyBytes))))
    }
}
