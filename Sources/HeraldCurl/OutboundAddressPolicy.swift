/// Which addresses outgoing feed and webhook requests may connect to: public addresses, plus the
/// hosts and networks listed in `allow_private_urls`.
///
/// Checked by ``CurlAddressGuard`` on the very address libcurl is about to connect to (after its
/// own resolution, for every connection including redirects), so a name cannot resolve to a
/// public address when checked and a private one when used.
public struct OutboundAddressPolicy: Sendable, Equatable {
    /// Host names (lower case) whose addresses are all allowed.
    public private(set) var allowedHosts: Set<String> = []
    /// Networks allowed although private.
    package private(set) var allowedNetworks: [IPNetwork] = []

    /// Public addresses only.
    public static let publicOnly = OutboundAddressPolicy()

    /// Public addresses plus every entry of `allowed`: a host name, an address or a network
    /// (`10.0.0.0/8`). Throws naming the first entry that is none of these.
    public init(allowing allowed: [String]) throws(Invalid) {
        for entry in allowed {
            let trimmed = entry.trimmingSpaces.lowercased()
            if let network = IPNetwork(trimmed) {
                allowedNetworks.append(network)
            } else if !trimmed.isEmpty, !trimmed.contains("/"),
                trimmed.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") })
            {
                allowedHosts.insert(trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed)
            } else {
                throw Invalid(entry: entry)
            }
        }
    }

    private init() {}

    /// An entry of `allow_private_urls` that is neither a host name nor an address or network.
    public struct Invalid: Error, Equatable {
        /// The entry as written.
        public let entry: String

        /// The refusal of `entry`.
        public init(entry: String) {
            self.entry = entry
        }
    }

    /// Why a connection to `address` for `host` is refused (such as "loopback address 127.0.0.1"),
    /// nil when it is allowed.
    package func refusal(host: String?, address: [UInt8]) -> String? {
        guard let kind = AddressClass.of(address) else { return nil }
        if let host, allowedHosts.contains(host.lowercased()) { return nil }
        if allowedNetworks.contains(where: { $0.contains(address) }) { return nil }
        let network = IPNetwork(bytes: address, prefixLength: address.count * 8).description
        return "\(kind.rawValue) address \(network.split(separator: "/")[0])"
    }

    /// Why `host` may not be reached, judged by the addresses it resolves to now (start-up
    /// check); nil when allowed or when it does not resolve (the fetch will report that).
    public func refusal(resolving host: String) -> String? {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        for address in HostResolver.addresses(of: bare) {
            if let reason = refusal(host: bare, address: address) { return reason }
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
