import Crypto
import Foundation

/// Anti-forgery tokens of the operator console, bound to one session: the token is
/// `base64url(HMAC-SHA256(key, "console-csrf:" sessionHash))`, so it needs no storage, changes with
/// every session and is useless after sign-out. The key is derived from a server-side secret.
public struct ConsoleCSRF: Sendable {
    private let keyBytes: [UInt8]

    /// Tokens keyed with `secret` (a server-side secret never shown to clients).
    public init(secret: String) {
        keyBytes = Array(SHA256.hash(data: Array("herald console csrf\u{0}\(secret)".utf8)))
    }

    /// The token the forms of the session whose id hashes to `sessionHash` carry.
    public func token(sessionHash: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array("console-csrf:\(sessionHash)".utf8), using: SymmetricKey(data: keyBytes))
        return Base64URL.encode(Array(mac))
    }

    /// Whether `presented` is the session's token (constant time; false for nil or oversized input).
    public func matches(_ presented: String?, sessionHash: String) -> Bool {
        guard let presented, presented.utf8.count <= 64 else { return false }
        return ConstantTime.equal(Array(presented.utf8), Array(token(sessionHash: sessionHash).utf8))
    }
}
