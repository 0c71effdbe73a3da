import CCurl  // sockaddr and the socket constants, as in the module's other files (release builds need it)

#if canImport(Glibc)
    import Glibc
#endif

/// Resolves a host name with the system resolver (getaddrinfo), for start-up checks.
package enum HostResolver {
    /// Every IPv4 and IPv6 address (4 or 16 bytes) `host` resolves to; empty when it does not.
    package static func addresses(of host: String) -> [[UInt8]] {
        if let literal = IPNetwork.address(host) { return [literal] }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0 else { return [] }
        defer { freeaddrinfo(list) }
        var found: [[UInt8]] = []
        var entry = list
        while let current = entry {
            if let address = SocketAddressBytes.of(current.pointee.ai_addr) { found.append(address) }
            entry = current.pointee.ai_next
        }
        return found
    }
}

/// The address bytes of a `sockaddr`.
package enum SocketAddressBytes {
    /// 4 bytes for AF_INET, 16 for AF_INET6, nil for any other family.
    package static func of(_ address: UnsafePointer<sockaddr>?) -> [UInt8]? {
        guard let address else { return nil }
        switch Int32(address.pointee.sa_family) {
        case AF_INET:
            return address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                var value = $0.pointee.sin_addr
                return withUnsafeBytes(of: &value) { Array($0) }
            }
        case AF_INET6:
            return address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                var value = $0.pointee.sin6_addr
                return withUnsafeBytes(of: &value) { Array($0) }
            }
        default:
            return nil
        }
    }
}
