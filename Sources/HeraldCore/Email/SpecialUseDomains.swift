/// Top-level names that can never receive public email (RFC 6761, RFC 6762, RFC 7686,
/// RFC 9476 and ICANN's `.internal`), checked against the last label of the A-label domain.
///
/// `example.com` and friends stay valid (they are ordinary second-level names); only the
/// reserved top-level `.example` is refused.
enum SpecialUseDomains {
    /// The reserved top-level labels, lowercase.
    static let topLevelNames: [StaticString] = [
        "localhost", "test", "invalid", "example", "local", "onion", "arpa", "alt", "internal",
    ]

    /// Whether `label` (ASCII, any case) is a special-use top-level name.
    static func contains(topLevel label: UnsafeBufferPointer<UInt8>) -> Bool {
        guard label.count >= 3, label.count <= 9 else { return false }
        for name in topLevelNames where name.utf8CodeUnitCount == label.count {
            let reserved = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            if zip(reserved, label).allSatisfy({ $0 == EmailASCII.lowercased($1) }) { return true }
        }
        return false
    }
}
