import Crypto

/// What a VERP tag refers to: the message whose bounce comes back to it.
public enum BounceTag: Sendable, Equatable, Hashable {
    /// A row of the outbox (confirmations, welcomes, reminders…).
    case outbox(id: Int64)
    /// One subscriber's delivery of one digest issue.
    case digest(issueID: Int64, subscriberID: Int64)

    /// Octets of a digest tag with six-digit (base 36, about two billion) ids; bounce local parts
    /// are limited so that such a tag fits in 64 octets. Longer tags fall back to the plain address.
    public static let typicalLength = 31
}

/// What the address a bounce was sent to says about its origin.
public enum BounceTagLookup: Sendable, Equatable {
    /// Not the bounce address (or the bounce address without a tag): attribute by the report's content.
    case untagged
    /// A well-formed tag whose signature checks.
    case tagged(BounceTag)
    /// The bounce address with a tag that is malformed or whose signature does not check.
    case forged
}

/// Makes and reads VERP envelope senders: `bounces+{tag}@domain`, the tag an opaque reference to an
/// outbox row or a digest delivery with an HMAC-SHA256 signature (80 bits, base 32) so it cannot
/// be forged to suppress someone else. Tags are lower-case because some servers lower-case local
/// parts; reading is case-insensitive.
public struct VERPSigner: Sendable {
    /// The configured bounce mailbox.
    public let address: BounceAddress
    private let keyBytes: [UInt8]

    /// A signer for `address` keyed with `secret` (the installation's stored secret).
    public init(address: BounceAddress, secret: String) {
        self.address = address
        self.keyBytes = Array(secret.utf8)
    }

    /// The envelope sender for a message tagged `tag`; the plain bounce address if the tagged
    /// local part would exceed 64 octets.
    public func envelopeSender(for tag: BounceTag) -> String {
        let body = Self.body(of: tag)
        let local = "\(address.localPart)+\(body)-\(mac(body))"
        return local.utf8.count <= 64 ? "\(local)@\(address.domain)" : address.plain
    }

    /// What `recipient` (an address a bounce was delivered to; angle brackets allowed) refers to.
    public func lookup(_ recipient: String) -> BounceTagLookup {
        var text = Substring(recipient)
        while let first = text.first, first == " " || first == "\t" || first == "<" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" || last == ">" { text = text.dropLast() }
        guard text.utf8.count <= 320, let at = text.lastIndex(of: "@") else { return .untagged }
        let local = text[..<at].lowercased()
        guard text[text.index(after: at)...].lowercased() == address.domain else { return .untagged }
        let prefix = address.localPart.lowercased() + "+"
        guard local.hasPrefix(prefix) else { return .untagged }
        let tag = local.dropFirst(prefix.count)
        guard let dash = tag.lastIndex(of: "-") else { return .forged }
        let body = String(tag[..<dash])
        guard let parsed = Self.parse(body),
            ConstantTime.equal(Array(mac(body).utf8), Array(tag[tag.index(after: dash)...].utf8))
        else { return .forged }
        return .tagged(parsed)
    }

    private func mac(_ body: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array("verp:\(body)".utf8), using: SymmetricKey(data: keyBytes))
        return Base32.lowercase(Array(code.prefix(10)))
    }

    private static func body(of tag: BounceTag) -> String {
        switch tag {
        case .outbox(let id): "o" + String(id, radix: 36)
        case .digest(let issue, let subscriber): "d" + String(issue, radix: 36) + "-" + String(subscriber, radix: 36)
        }
    }

    private static func parse(_ body: String) -> BounceTag? {
        guard let kind = body.first, body.utf8.count <= 40 else { return nil }
        let ids = body.dropFirst().split(separator: "-", omittingEmptySubsequences: false).map(id)
        switch (kind, ids.count) {
        case ("o", 1): return ids[0].map { .outbox(id: $0) }
        case ("d", 2):
            guard let issue = ids[0], let subscriber = ids[1] else { return nil }
            return .digest(issueID: issue, subscriberID: subscriber)
        default: return nil
        }
    }

    /// A positive base-36 id in canonical form (no sign, no leading zeros), else nil.
    private static func id(_ text: Substring) -> Int64? {
        guard let first = text.first, first != "0", text.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }),
            let value = Int64(text, radix: 36), value > 0
        else { return nil }
        return value
    }
}

/// RFC 4648 base 32 in lower case without padding (letters and 2–7: safe in any local part).
enum Base32 {
    static func lowercase(_ bytes: [UInt8]) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567".utf8)
        var out: [UInt8] = []
        var buffer = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | Int(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[(buffer >> (bits - 5)) & 31])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[(buffer << (5 - bits)) & 31]) }
        return String(decoding: out, as: UTF8.self)
    }
}
