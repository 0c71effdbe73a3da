import Crypto
import Foundation

/// A token secret as handed to a person in a link: 256 random bits, base64url without padding.
///
/// Only `hash` is ever stored; `matches(hash:)` compares in constant time.
public struct TokenSecret: Sendable, Equatable, CustomStringConvertible {
    /// The URL-safe text of the secret (43 characters).
    public let text: String

    /// A fresh secret from the system CSPRNG.
    public static func generate() -> TokenSecret {
        // Four 64-bit draws (one system call each) rather than one per byte.
        var generator = SystemRandomNumberGenerator()
        let words = (generator.next(), generator.next(), generator.next(), generator.next())
        let bytes = withUnsafeBytes(of: words) { Array($0) }
        return TokenSecret(unchecked: Base64URL.encode(bytes))
    }

    /// A secret parsed from a link; nil when it cannot be one of ours (wrong length or alphabet).
    public init?(parsing text: String) {
        guard text.utf8.count == 43, text.utf8.allSatisfy(Base64URL.isAlphabet) else { return nil }
        self.text = text
    }

    private init(unchecked text: String) { self.text = text }

    /// Lower-case hex SHA-256 of the secret: the only form that is stored.
    public var hash: String {
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(text.utf8)) {
            hex.append(Base64URL.hexDigits[Int(byte >> 4)])
            hex.append(Base64URL.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Constant-time comparison of this secret's hash with a stored hash.
    public func matches(hash stored: String) -> Bool {
        ConstantTime.equal(Array(hash.utf8), Array(stored.utf8))
    }

    /// Redacted, so secrets never reach logs through string interpolation.
    public var description: String { "TokenSecret(…)" }
}

/// Base64url (RFC 4648 §5) without padding.
package enum Base64URL {
    static let hexDigits = Array("0123456789abcdef".utf8)
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Base64url (RFC 4648 section 5) without padding.
    package static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = alphabet
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group = UInt32(bytes[index]) << 16
            if count > 1 { group |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { group |= UInt32(bytes[index + 2]) }
            for position in 0...count { output.append(alphabet[Int((group >> (18 - 6 * position)) & 0x3F)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    static func isAlphabet(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}

/// Comparisons whose running time does not depend on where inputs differ.
public enum ConstantTime {
    /// True when both byte strings are equal; time depends only on their lengths.
    public static func equal(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}
