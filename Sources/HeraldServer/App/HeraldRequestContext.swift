import Hummingbird
import NIOCore

/// The request context of every Herald endpoint: Hummingbird's core storage plus the peer address.
public struct HeraldRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The TCP peer (the client, or the proxy in front of Herald).
    public let remoteAddress: SocketAddress?
    /// The name of the admin token that authenticated this request (set by `AdminAuthMiddleware`).
    public var adminActor: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
