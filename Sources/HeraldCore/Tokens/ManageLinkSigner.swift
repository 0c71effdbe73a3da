import Crypto
import Foundation

/// Signs and checks the long-lived unsubscribe/preferences tokens put in every newsletter mail.
///
/// A token names a subscriber and a newsletter and carries an HMAC-SHA256 over both with a secret
/// key, so it can be put in millions of digests without storing a row per mail, yet cannot be
/// forged or altered. Verification compares MACs in constant time.
public struct ManageLinkSigner: Sendable {
    private let keyBytes: [UInt8]

    /// A signer with `secret` (at least 32 bytes of randomness, base64url text as stored in settings).
    public init(secret: String) {
        keyBytes = Array(secret.utf8)
    }

    /// A fresh random secret to store once per installation.
    public static func generateSecret() -> String { TokenSecret.generate().text }

    /// The token for `subscriberID` and `newsletter`: `<id>.<slug>.<mac>`.
    public func token(subscriberID: Int64, newsletter: String) -> String {
        "\(subscriberID).\(newsletter).\(mac(subscriberID: subscriberID, newsletter: newsletter))"
    }

    /// The subscriber and newsletter a token names, or nil when it is malformed or forged.
    public func verify(_ token: String) -> (subscriberID: Int64, newsletter: String)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 200, parts.count == 3, let id = Int64(parts[0]), id > 0 else { return nil }
        let newsletter = String(parts[1])
        let expected = mac(subscriberID: id, newsletter: newsletter)
        guard ConstantTime.equal(Array(expected.utf8), Array(parts[2].utf8)) else { return nil }
        return (id, newsletter)
    }

    private func mac(subscriberID: Int64, newsletter: String) -> String {
        let message = Array("manage:\(subscriberID):\(newsletter)".utf8)
        return Base64URL.encode(
            Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: keyBytes))))
    }
}
