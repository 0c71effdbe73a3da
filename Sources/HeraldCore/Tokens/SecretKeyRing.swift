import Foundation

/// The installation's secret keys, kept outside the database (`secret_key_file` or the
/// `HERALD_SECRET_KEYS` variable) so a copy of the database cannot forge links or reverse the
/// suppression list.
///
/// Text form, one key per line (or per `;`-separated part, for an environment variable), `#`
/// comments and blank lines ignored:
/// ```
/// manage-link <key>      # the first one signs unsubscribe/preferences links
/// manage-link <older>    # the rest still verify (rotation), until removed
/// erasure <key>          # keys the suppression list's address hashes
/// ```
public struct SecretKeyRing: Sendable, Equatable {
    /// Why a key text was refused; names the line.
    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    /// Manage-link keys, newest first: the first signs, all verify.
    public private(set) var manageLinkKeys: [String]
    /// The key of the suppression list's hashes (changing it would orphan every entry).
    public let erasureKey: String

    /// The shortest key accepted (a generated key is 43 characters of base64url).
    public static let minimumKeyLength = 32

    /// A ring with these keys; `manageLinkKeys` must not be empty.
    public init(manageLinkKeys: [String], erasureKey: String) {
        precondition(!manageLinkKeys.isEmpty, "a key ring needs a manage-link key")
        self.manageLinkKeys = manageLinkKeys
        self.erasureKey = erasureKey
    }

    /// Fresh random keys, or the given legacy ones (taken over from the database) where present.
    public static func generate(legacyManageLinkKey: String? = nil, legacyErasureKey: String? = nil) -> SecretKeyRing {
        SecretKeyRing(
            manageLinkKeys: [legacyManageLinkKey ?? TokenSecret.generate().text],
            erasureKey: legacyErasureKey ?? TokenSecret.generate().text)
    }

    /// The signing key.
    public var signingKey: String { manageLinkKeys[0] }

    /// The same ring with a new random signing key in front; the old keys keep verifying.
    public func rotated() -> SecretKeyRing {
        var ring = self
        ring.manageLinkKeys.insert(TokenSecret.generate().text, at: 0)
        return ring
    }

    /// Parses the text form.
    public init(parsing text: String) throws(Invalid) {
        var manage: [String] = []
        var erasure: [String] = []
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            for entry in content.split(separator: ";") {
                let fields = entry.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
                guard !fields.isEmpty else { continue }
                let key = try Self.key(fields, line: number + 1)
                switch fields[0] {
                case "manage-link": manage.append(key)
                case "erasure": erasure.append(key)
                default: throw Invalid(description: "line \(number + 1): unknown key kind '\(fields[0])'")
                }
            }
        }
        guard !manage.isEmpty else { throw Invalid(description: "no manage-link key") }
        guard erasure.count == 1 else { throw Invalid(description: "expected exactly one erasure key") }
        self.init(manageLinkKeys: manage, erasureKey: erasure[0])
    }

    /// The key of a `KIND KEY` entry, checked.
    private static func key(_ fields: [Substring], line: Int) throws(Invalid) -> String {
        guard fields.count == 2 else { throw Invalid(description: "line \(line): expected 'KIND KEY'") }
        let key = String(fields[1])
        guard key.count >= minimumKeyLength, key.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else {
            throw Invalid(description: "line \(line): a key must be at least \(minimumKeyLength) ASCII characters")
        }
        return key
    }

    /// The text form, with a comment explaining it.
    public var text: String {
        var lines = [
            "# Herald secret keys: keep this file private (mode 0600) and out of database backups.",
            "# manage-link: the first signs unsubscribe/preferences links; the others still verify.",
            "# Add a new first line (herald keys rotate) to rotate; remove an old one to revoke it.",
            "# erasure: keys the suppression list; never change it (existing entries would no longer match).",
        ]
        lines += manageLinkKeys.map { "manage-link \($0)" }
        lines.append("erasure \(erasureKey)")
        return lines.joined(separator: "\n") + "\n"
    }
}
