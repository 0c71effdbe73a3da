#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 network (`10.0.0.0/8`, `fd00::/8`); a plain address is a network of one.
package struct IPNetwork: Sendable, Equatable, CustomStringConvertible {
    /// The network's address bytes (4 or 16), host bits as written.
    package let bytes: [UInt8]
    /// The prefix length in bits.
    package let prefixLength: Int

    /// Parses `text`; nil when it is not an address or `address/prefix` with a prefix in range.
    package init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let bytes = IPNetwork.address(String(parts[0])) else { return nil }
        let length: Int
        if parts.count == 2 {
            guard let parsed = Int(parts[1]), parts[1].allSatisfy(\.isASCII), (0...bytes.count * 8).contains(parsed)
            else { return nil }
            length = parsed
        } else {
            length = bytes.count * 8
        }
        self.bytes = bytes
        prefixLength = length
    }

    init(bytes: [UInt8], prefixLength: Int) {
        self.bytes = bytes
        self.prefixLength = prefixLength
    }

    /// The 4 or 16 bytes of an IPv4 or IPv6 address literal (brackets allowed); nil otherwise.
    package static func address(_ text: String) -> [UInt8]? {
        var literal = text
        if literal.hasPrefix("["), literal.hasSuffix("]") { literal = String(literal.dropFirst().dropLast()) }
        var v4 = in_addr()
        if inet_pton(AF_INET, literal, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, literal, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    /// Whether `address` (4 or 16 bytes) lies in this network; IPv4 networks also match
    /// IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`).
    package func contains(_ address: [UInt8]) -> Bool {
        let candidate = address.count == 16 && bytes.count == 4 ? (IPNetwork.embeddedIPv4(address) ?? address) : address
        guard candidate.count == bytes.count else { return false }
        var remaining = prefixLength
        for (mine, theirs) in zip(bytes, candidate) where remaining > 0 {
            let bits = min(8, remaining)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            guard mine & mask == theirs & mask else { return false }
            remaining -= bits
        }
        return true
    }

    /// The IPv4 address inside an IPv4-mapped (`::ffff:0:0/96`) IPv6 address.
    package static func embeddedIPv4(_ address: [UInt8]) -> [UInt8]? {
        guard address.count == 16, address[0..<10].allSatisfy({ $0 == 0 }), address[10] == 0xFF, address[11] == 0xFF
        else { return nil }
        return Array(address[12..<16])
    }

    package var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = bytes.count == 4 ? AF_INET : AF_INET6
        _ = bytes.withUnsafeBytes { inet_ntop(family, $0.baseAddress, &buffer, socklen_t(buffer.count)) }
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text + "/\(prefixLength)"
    }
}
