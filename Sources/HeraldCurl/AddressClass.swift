/// The kinds of address an outgoing request (feed, webhook) must not reach unless allowed: they
/// lead to the host itself or to networks behind it (server-side request forgery).
package enum AddressClass: String, Sendable, CaseIterable {
    case unspecified, loopback, privateNetwork = "private", linkLocal = "link-local", sharedCGNAT = "CGNAT"
    case multicast, reserved

    /// The class of `address` (4 or 16 bytes), nil for an ordinary public address. IPv4-mapped and
    /// NAT64 (`64:ff9b::/96`) IPv6 addresses are judged by the IPv4 address inside.
    package static func of(_ address: [UInt8]) -> AddressClass? {
        if let v4 = IPNetwork.embeddedIPv4(address) ?? nat64(address) { return of(v4) }
        let table = address.count == 4 ? ipv4 : ipv6
        return table.first { $0.0.contains(address) }?.1
    }

    private static func nat64(_ address: [UInt8]) -> [UInt8]? {
        guard address.count == 16, address[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0][...] else {
            return nil
        }
        return Array(address[12..<16])
    }

    private static func table(_ entries: [(String, AddressClass)]) -> [(IPNetwork, AddressClass)] {
        entries.map { (IPNetwork($0.0)!, $0.1) }  // literals below, all valid
    }

    private static let ipv4 = table([
        ("0.0.0.0/8", .unspecified), ("127.0.0.0/8", .loopback), ("10.0.0.0/8", .privateNetwork),
        ("172.16.0.0/12", .privateNetwork), ("192.168.0.0/16", .privateNetwork), ("100.64.0.0/10", .sharedCGNAT),
        ("169.254.0.0/16", .linkLocal), ("224.0.0.0/4", .multicast), ("192.0.0.0/24", .reserved),
        ("192.0.2.0/24", .reserved), ("198.18.0.0/15", .reserved), ("198.51.100.0/24", .reserved),
        ("203.0.113.0/24", .reserved), ("240.0.0.0/4", .reserved),
    ])

    private static let ipv6 = table([
        ("::/128", .unspecified), ("::1/128", .loopback), ("fc00::/7", .privateNetwork), ("fe80::/10", .linkLocal),
        ("fec0::/10", .privateNetwork), ("ff00::/8", .multicast), ("::/96", .reserved), ("100::/64", .reserved),
        ("2001:db8::/32", .reserved), ("2002::/16", .reserved),
    ])
}
