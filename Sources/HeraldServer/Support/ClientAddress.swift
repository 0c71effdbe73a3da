import HTTPTypes
import HeraldApp
import HeraldCore
import Hummingbird
import NIOCore

/// Works out the client's IP: the socket peer, or the forwarding header when the peer is a trusted proxy.
struct ClientAddressResolver: Sendable {
    let trustedProxies: Set<String>
    let header: HTTPField.Name?

    init(policy: WebPolicy) {
        trustedProxies = Set(policy.trustedProxies)
        header = HTTPField.Name(policy.trustedProxyHeader)
    }

    /// The client IP for rate limiting and consent records.
    func clientIP(peer: SocketAddress?, headers: HTTPFields) -> String {
        let peerIP = peer?.ipAddress ?? "unknown"
        guard trustedProxies.contains(peerIP), let header, let forwarded = headers[header] else { return peerIP }
        let hops = forwarded.split(separator: ",").map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        return hops.last { !trustedProxies.contains($0) } ?? peerIP
    }
}
