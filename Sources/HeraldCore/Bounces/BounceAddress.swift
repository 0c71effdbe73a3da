/// The configured `bounce_address`: the mailbox that receives bounces, whose local part gets a
/// `+tag` per message (VERP).
///
/// Valid when it is `local@domain` with an ASCII local part of letters, digits and `.`, `-`, `_`
/// (no `+`, which starts the tag), at most ``maximumLocalPartLength`` octets so that local part,
/// `+` and a tag stay within the 64-octet limit of RFC 5321, and an ASCII (or punycode) domain.
public struct BounceAddress: Sendable, Equatable {
    /// Longest local part accepted: 64 octets less `+` and ``BounceTag/typicalLength``.
    public static let maximumLocalPartLength = 64 - 1 - BounceTag.typicalLength

    /// The part before `@`, as configured.
    public let localPart: String
    /// The domain, lower-cased.
    public let domain: String

    /// Parses `text`; throws a ``BounceAddressError`` saying what is wrong.
    public init(parsing text: String) throws(BounceAddressError) {
        let trimmed = text.trimmingSpaces
        guard let at = trimmed.lastIndex(of: "@") else { throw .init(.missingAt, text) }
        let local = String(trimmed[..<at])
        let domain = String(trimmed[trimmed.index(after: at)...]).lowercased()
        guard !local.isEmpty else { throw .init(.emptyLocalPart, text) }
        guard !local.contains("+") else { throw .init(.plusInLocalPart, text) }
        guard local.utf8.count <= Self.maximumLocalPartLength else { throw .init(.localPartTooLong, text) }
        guard local.utf8.allSatisfy(Self.isLocalByte), local.first != ".", local.last != ".",
            !local.contains("..")
        else { throw .init(.invalidLocalPart, text) }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard domain.utf8.count <= 253, labels.count >= 2,
            labels.allSatisfy({ (1...63).contains($0.utf8.count) && $0.utf8.allSatisfy(Self.isDomainByte) })
        else { throw .init(.invalidDomain, text) }
        self.localPart = local
        self.domain = domain
    }

    /// `local@domain` without a tag.
    public var plain: String { "\(localPart)@\(domain)" }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isDomainByte(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_")
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte)
            || byte == UInt8(ascii: "-")
    }
}

/// Why a `bounce_address` was refused.
public struct BounceAddressError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Sendable, Equatable {
        case missingAt, emptyLocalPart, plusInLocalPart, localPartTooLong, invalidLocalPart, invalidDomain
    }

    public let reason: Reason
    /// The value as configured.
    public let value: String

    init(_ reason: Reason, _ value: String) {
        self.reason = reason
        self.value = value
    }

    public var description: String {
        let shown = "'\(value.prefix(100))'"
        switch reason {
        case .missingAt: return "\(shown) is not an address: it has no @"
        case .emptyLocalPart: return "\(shown) has nothing before the @"
        case .plusInLocalPart:
            return "\(shown) has a + in its local part; Herald adds +tag itself, so give the plain mailbox"
        case .localPartTooLong:
            return
                "\(shown) has a local part over \(BounceAddress.maximumLocalPartLength) octets, leaving no room "
                + "for the +tag within the 64-octet limit"
        case .invalidLocalPart:
            return "\(shown) may use only ASCII letters, digits, '.', '-' and '_' before the @"
        case .invalidDomain: return "\(shown) does not end in a valid domain name (ASCII or punycode)"
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return self[first...last]
    }
}
