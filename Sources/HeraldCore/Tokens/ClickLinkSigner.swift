import Crypto
import Foundation

/// What a verified `/l/{id}` names: one link of one issue, and in `per_subscriber` mode a reader.
public struct ClickTarget: Sendable, Equatable {
    public var issueID: Int64
    /// The link's position among the issue's articles.
    public var linkIndex: Int
    /// How many links the issue has (for recognising scanners that open every one).
    public var linkCount: Int
    /// Where the reader goes: the article's own `http(s)` URL.
    public var url: String
    /// The reader, only in ids made with a subscriber tag (`per_subscriber` mode).
    public var subscriberID: Int64?

    public init(issueID: Int64, linkIndex: Int, linkCount: Int, url: String, subscriberID: Int64? = nil) {
        self.issueID = issueID
        self.linkIndex = linkIndex
        self.linkCount = linkCount
        self.url = url
        self.subscriberID = subscriberID
    }
}

/// Makes and checks the ids of tracked links, `/l/{id}`, and of open pixels, `/o/{id}`.
///
/// An id is `<issue>.<link>.<links>.<base64url(url)>.<mac>`: it names the issue and the link,
/// carries the target URL (so a redirect needs no database) and an HMAC-SHA256 over all of it with
/// this installation's secret, so only URLs Herald itself rewrote can be reached (no open redirect)
/// and ids of other installations or altered ones are refused. In `per_subscriber` mode a tag
/// `~<subscriber>.<mac>` follows; `aggregate` ids carry no tag and are the same for every reader.
public struct ClickLinkSigner: Sendable {
    private let keyBytes: [UInt8]
    /// Ids longer than this are refused unread.
    public static let maxIDLength = 4096

    /// A signer with the installation's secret (the manage-link secret; the MAC's message is
    /// prefixed differently, so neither kind of token can stand in for the other).
    public init(secret: String) {
        keyBytes = Array(secret.utf8)
    }

    /// The id for link `linkIndex` (of `linkCount`) of `issueID`, pointing to `url`.
    public func id(issueID: Int64, linkIndex: Int, linkCount: Int, url: String) -> String {
        let body = "\(issueID).\(linkIndex).\(linkCount).\(Base64URL.encode(Array(url.utf8)))"
        return "\(body).\(mac("click:v1:\(body)"))"
    }

    /// The tag appended to every id in `subscriberID`'s copy of `issueID` (`per_subscriber` only).
    public func subscriberTag(issueID: Int64, subscriberID: Int64) -> String {
        "~\(subscriberID).\(mac("clicker:v1:\(issueID):\(subscriberID)"))"
    }

    /// The id of `issueID`'s open pixel, `/o/{id}`: `<issue>.<mac>`, the same for every reader.
    public func openID(issueID: Int64) -> String {
        "\(issueID).\(mac("open:v1:\(issueID)"))"
    }

    /// The issue an open-pixel id names, or nil when it is malformed, forged or altered.
    public func verifyOpen(_ raw: String) -> Int64? {
        guard raw.utf8.count <= 64 else { return nil }
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.allSatisfy({ (48...57).contains($0) }), let issue = Int64(parts[0]),
            issue > 0, String(issue) == parts[0], matches(String(parts[1]), "open:v1:\(issue)")
        else { return nil }
        return issue
    }

    /// What `raw` names, or nil when it is malformed, forged, altered or too long.
    public func verify(_ raw: String) -> ClickTarget? {
        guard raw.utf8.count <= Self.maxIDLength else { return nil }
        let halves = raw.split(separator: "~", omittingEmptySubsequences: false)
        guard halves.count <= 2, var target = verifyLink(halves[0]) else { return nil }
        if halves.count == 2 {
            let tag = halves[1].split(separator: ".", omittingEmptySubsequences: false)
            guard tag.count == 2, let subscriber = Int64(tag[0]), subscriber > 0,
                matches(String(tag[1]), "clicker:v1:\(target.issueID):\(subscriber)")
            else { return nil }
            target.subscriberID = subscriber
        }
        return target
    }

    private func verifyLink(_ id: Substring) -> ClickTarget? {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 5, let issue = Int64(parts[0]), issue > 0, let link = Int(parts[1]), link >= 0,
            let count = Int(parts[2]), count > link, count <= 10_000,
            matches(String(parts[4]), "click:v1:\(parts[0...3].joined(separator: "."))"),
            let url = Self.decode(parts[3]), Self.isWebURL(url)
        else { return nil }
        return ClickTarget(issueID: issue, linkIndex: link, linkCount: count, url: url, subscriberID: nil)
    }

    private func mac(_ message: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(message.utf8), using: SymmetricKey(data: keyBytes))
        return Base64URL.encode(Array(code.prefix(16)))
    }

    private func matches(_ given: String, _ message: String) -> Bool {
        ConstantTime.equal(Array(mac(message).utf8), Array(given.utf8))
    }

    private static func decode(_ text: Substring) -> String? {
        guard text.utf8.allSatisfy(Base64URL.isAlphabet) else { return nil }
        // Byte mapping, not replacingOccurrences (Foundation's search was a visible share of a redirect).
        var base64 = text.utf8.map {
            $0 == UInt8(ascii: "-") ? UInt8(ascii: "+") : $0 == UInt8(ascii: "_") ? UInt8(ascii: "/") : $0
        }
        base64 += [UInt8](repeating: UInt8(ascii: "="), count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: Data(base64)) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// An absolute `http(s)` URL without spaces or control characters (safe in a Location header).
    public static func isWebURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else { return false }
        return url.unicodeScalars.allSatisfy {
            $0.value > 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value)
        }
    }
}
