/// Picks the language of a page from an `Accept-Language` header (RFC 9110 §12.5.4) among the
/// languages a newsletter offers.
///
/// Safe on hostile input: only the first ``maximumHeaderBytes`` bytes and ``maximumRanges``
/// ranges are read; a range that is not a language tag, or a `q` that is not a number from 0 to 1
/// with at most three decimals, is skipped; `q=0` rules a language out, also for `*`.
public struct LanguageNegotiation: Sendable {
    /// Header bytes read; the rest (and the range it cuts) is ignored.
    public static let maximumHeaderBytes = 4096
    /// Ranges read at most.
    public static let maximumRanges = 64

    /// The languages offered, the default first.
    public let offered: [String]

    /// Negotiation among `offered` (BCP 47 tags, the first is the default; must not be empty).
    public init(offered: [String]) {
        precondition(!offered.isEmpty, "a newsletter offers at least one language")
        self.offered = offered
    }

    /// The offered language that `header` prefers; the default when it names none (or is absent).
    public func language(for header: String?) -> String {
        guard let header else { return offered[0] }
        let ranges = Self.ranges(header)
        let refused = Set(ranges.filter { $0.quality == 0 }.map(\.tag))
        for range in ranges where range.quality > 0 {
            if range.tag == "*" {
                if let any = offered.first(where: { !refused.contains($0.lowercased()) }) { return any }
                continue
            }
            if let match = offered.first(where: { Self.matches(range.tag, $0) && !refused.contains($0.lowercased()) }) {
                return match
            }
        }
        return offered[0]
    }

    /// The weighted ranges of `header`, most preferred first (equal weights keep their order).
    static func ranges(_ header: String) -> [(tag: String, quality: Int)] {
        var bytes = Array(header.utf8.prefix(maximumHeaderBytes + 1))
        if bytes.count > maximumHeaderBytes {
            bytes = Array(bytes.prefix(maximumHeaderBytes))
            if let comma = bytes.lastIndex(of: UInt8(ascii: ",")) { bytes = Array(bytes[..<comma]) } else { return [] }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let items = text.split(separator: ",", omittingEmptySubsequences: true).prefix(maximumRanges)
        let parsed = items.enumerated().compactMap { index, item in parse(item).map { (index, $0) } }
        return parsed.sorted { ($0.1.quality, -$0.0) > ($1.1.quality, -$1.0) }.map(\.1)
    }

    private static func parse(_ item: Substring) -> (tag: String, quality: Int)? {
        let parts = item.split(separator: ";").map { $0.trimmingWhitespace }
        guard let tag = parts.first, isRange(tag) else { return nil }
        var quality = 1000
        for parameter in parts.dropFirst() {
            guard parameter.lowercased().hasPrefix("q=") else { return nil }
            guard let value = Self.quality(parameter.dropFirst(2)) else { return nil }
            quality = value
        }
        return (tag.lowercased(), quality)
    }

    /// `q` in thousandths: `1`, `1.000`, `0`, `0.5`, `0.123`; `nil` for anything else.
    private static func quality(_ text: Substring) -> Int? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, whole == "0" || whole == "1" else { return nil }
        let fraction = parts.count > 1 ? parts[1] : ""
        guard fraction.count <= 3, fraction.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
        let thousandths = Int(fraction.padding(toLength: 3, withPad: "0")) ?? 0
        let value = (whole == "1" ? 1000 : 0) + thousandths
        return value <= 1000 ? value : nil
    }

    /// `*`, or 1–8 letters followed by `-` and 1–8 letters or digits, repeated.
    public static func isRange(_ tag: String) -> Bool {
        if tag == "*" { return true }
        let subtags = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = subtags.first, (1...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return subtags.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// A requested range matches an offered tag when either is the other or a prefix of it at a `-`.
    private static func matches(_ range: String, _ offered: String) -> Bool {
        let offered = offered.lowercased()
        return range == offered || offered.hasPrefix(range + "-") || range.hasPrefix(offered + "-")
    }
}

extension String {
    fileprivate func padding(toLength length: Int, withPad pad: Character) -> String {
        count >= length ? self : self + String(repeating: pad, count: length - count)
    }
}

extension Substring {
    fileprivate func padding(toLength length: Int, withPad pad: Character) -> String {
        String(self).padding(toLength: length, withPad: pad)
    }
}
