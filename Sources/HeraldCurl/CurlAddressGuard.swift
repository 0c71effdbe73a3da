import CCurl

#if canImport(Glibc)
    import Glibc
#endif

/// Checks every address libcurl is about to connect to against an ``OutboundAddressPolicy``
/// (libcurl's open-socket callback): the address checked is the address connected to, for the
/// first request and every redirect alike. Confined to the thread performing the transfer.
final class CurlAddressGuard {
    private let policy: OutboundAddressPolicy
    private let handle: UnsafeMutableRawPointer
    /// Why the last connection was refused, for the transfer's error message.
    private(set) var refusal: String?

    init(policy: OutboundAddressPolicy, handle: UnsafeMutableRawPointer) {
        self.policy = policy
        self.handle = handle
    }

    /// Opens a socket for `address`, or refuses (nil) with the reason recorded.
    private func open(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        let offset = MemoryLayout<curl_sockaddr>.offset(of: \curl_sockaddr.addr) ?? 16
        let socketAddress = UnsafeRawPointer(address).advanced(by: offset).assumingMemoryBound(to: sockaddr.self)
        guard let bytes = SocketAddressBytes.of(socketAddress) else {
            refusal = "refused a connection that is neither IPv4 nor IPv6"
            return -1
        }
        let host = currentHost
        if let reason = policy.refusal(host: host, address: bytes) {
            refusal =
                "refused to connect to \(host ?? "?"): \(reason) (list the host or network in allow_private_urls "
                + "to allow it)"
            return -1
        }
        return socket(
            address.pointee.family, address.pointee.socktype | Int32(SOCK_CLOEXEC.rawValue),
            address.pointee.protocol)
    }

    /// The host of the URL being requested now (after redirects), lower case, without brackets.
    private var currentHost: String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard ccurl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &pointer) == CURLE_OK, let pointer else {
            return nil
        }
        return CurlURLHost.host(ofURL: String(cString: pointer))
    }

    static let callback: curl_opensocket_callback = { context, _, address in
        guard let context, let address else { return -1 }
        return Unmanaged<CurlAddressGuard>.fromOpaque(context).takeUnretainedValue().open(address)
    }
}

/// The host of a URL as libcurl connects to it.
package enum CurlURLHost {
    /// The host part of an absolute URL, lower case, without brackets or port.
    package static func host(ofURL url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        var authority = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            return String(authority[authority.index(after: authority.startIndex)..<close]).lowercased()
        }
        return String(authority.prefix { $0 != ":" }).lowercased()
    }
}

extension CurlEasyHandle {
    /// Lets the transfer connect only to addresses `policy` allows (checked on each connection,
    /// redirects included) and to no proxy (which would connect on its behalf, unchecked).
    package func restrictAddresses(to policy: OutboundAddressPolicy) throws(CurlOptionError) {
        let addressGuard = CurlAddressGuard(policy: policy, handle: raw)
        self.addressGuard = addressGuard
        try set(CURLOPT_NOPROXY, "*")
        try set(CURLOPT_OPENSOCKETDATA, pointer: Unmanaged.passUnretained(addressGuard).toOpaque())
        let code = ccurl_setopt_opensocket_callback(raw, CurlAddressGuard.callback)
        guard code == CURLE_OK else { throw CurlOptionError(option: CURLOPT_OPENSOCKETFUNCTION, code: code) }
    }

    /// Why the address guard refused the last connection, if it did.
    package var addressRefusal: String? { (addressGuard as? CurlAddressGuard)?.refusal }
}
