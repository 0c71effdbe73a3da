import Crypto
import Foundation

/// The configured admin API tokens, kept only as SHA-256 digests, checked in constant time.
///
/// A presented token is hashed and compared with every configured digest (no early exit), so the
/// time taken does not depend on which token, or how much of one, matched.
public struct AdminCredentials: Sendable {
    private let digests: [(name: String, digest: [UInt8])]

    /// `tokens` maps a token's name (recorded in the audit log) to the token.
    public init(tokens: [String: String]) {
        digests = tokens.sorted { $0.key < $1.key }.map { ($0.key, Self.digest($0.value)) }
    }

    /// True when at least one token is configured (otherwise the admin API is disabled).
    public var isEnabled: Bool { !digests.isEmpty }

    /// The name of the token `presented` equals, or nil.
    public func name(for presented: String) -> String? {
        let candidate = Self.digest(presented)
        var match: String?
        for entry in digests where ConstantTime.equal(entry.digest, candidate) && match == nil {
            match = entry.name
        }
        return match
    }

    /// The name of the token in an `Authorization: Bearer <token>` header value, or nil.
    public func name(forAuthorization header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        let token = header.dropFirst(7).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty else { return nil }
        return name(for: token)
    }

    private static func digest(_ token: some StringProtocol) -> [UInt8] {
        Array(SHA256.hash(data: Array(token.utf8)))
    }
}
