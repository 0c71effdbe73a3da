/// Top-level names that can never receive public email (RFC 6761, RFC 6762, RFC 7686,
/// RFC 9476 and ICANN's `.internal`), checked against the last label of the A-label domain.
///
/// `example.com` and friends stay valid (they are ordinary second-level names); only the
/// reserved top-level `.example` is refused. The names: localhost, test, invalid, example, local,
/// onion, arpa, alt and internal.
enum SpecialUseDomains {
    /// Whether `label` (ASCII, any case) is a special-use top-level name.
    static func contains(topLevel label: UnsafeBufferPointer<UInt8>) -> Bool {
        // Only the names as long as the label are compared (a switch on constants, no list to walk).
        switch label.count {
        case 3: matches(label, "alt")
        case 4: matches(label, "test") || matches(label, "arpa")
        case 5: matches(label, "local") || matches(label, "onion")
        case 7: matches(label, "invalid") || matches(label, "example")
        case 8: matches(label, "internal")
        case 9: matches(label, "localhost")
        default: false
        }
    }

    /// Whether `label`, lowercased, is `name` (lowercase, as long as `label`).
    @inline(__always)
    private static func matches(_ label: UnsafeBufferPointer<UInt8>, _ name: StaticString) -> Bool {
        let reserved = name.utf8Start
        for index in label.indices where EmailASCII.lowercased(label[index]) != reserved[index] { return false }
        return true
    }
}
