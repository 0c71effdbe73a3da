import Foundation

/// Unique `Message-ID` values (`<time.random@domain>`) on the sender's domain.
package enum MessageIDGenerator {
    /// The domain used when the sender's domain cannot appear in a Message-ID (non-ASCII, malformed).
    package static let fallbackDomain = "herald.invalid"

    /// A new id without angle brackets: base-36 milliseconds since 1970, a dot, 128 random bits in base 36.
    package static func make(domain: String, date: Date = Date()) -> String {
        var generator = SystemRandomNumberGenerator()
        let millis = UInt64(max(0, date.timeIntervalSince1970 * 1000))
        let random = String(generator.next() as UInt64, radix: 36) + String(generator.next() as UInt64, radix: 36)
        return "\(String(millis, radix: 36)).\(random)@\(usableDomain(domain))"
    }

    /// `domain` when it is an ASCII dot-atom or address literal, otherwise `fallbackDomain`.
    package static func usableDomain(_ domain: String) -> String {
        let bytes = Array(domain.utf8)
        guard !bytes.isEmpty, bytes.count <= 255 else { return fallbackDomain }
        if bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]") {
            let inner = bytes.dropFirst().dropLast()
            let isLiteral = inner.allSatisfy { $0 > 32 && $0 < 127 && !"[]\\".utf8.contains($0) }
            return isLiteral && !inner.isEmpty ? domain : fallbackDomain
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let isDotAtom = labels.allSatisfy { !$0.isEmpty && $0.utf8.allSatisfy(HeaderCharacters.isAtext) }
        return isDotAtom ? domain : fallbackDomain
    }
}
