import Foundation
import HeraldCore
import HeraldCurl

/// Posts webhook requests with libcurl on a dedicated thread per request (never blocking Swift's
/// cooperative pool). No redirects are followed; only http and https are allowed; private
/// addresses only when the policy lists them.
public struct CurlWebhookTransport: WebhookTransport {
    /// The limit on the whole request.
    public var timeout: Duration
    /// The limit on establishing the connection.
    public var connectTimeout: Duration
    /// The addresses a POST may connect to (default: public ones only).
    public var addressPolicy: OutboundAddressPolicy

    /// A transport with these limits.
    public init(
        timeout: Duration = .seconds(10), connectTimeout: Duration = .seconds(5),
        addressPolicy: OutboundAddressPolicy = .publicOnly
    ) {
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.addressPolicy = addressPolicy
    }

    public func post(_ request: WebhookRequest) async -> WebhookResponse {
        let limits = (Self.milliseconds(timeout), Self.milliseconds(connectTimeout))
        let policy = addressPolicy
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                guard CurlRuntime.initialize(), let post = CurlWebhookPost() else {
                    continuation.resume(returning: .unreachable("libcurl failed to initialise"))
                    return
                }
                continuation.resume(
                    returning: post.perform(
                        request, timeoutMs: limits.0, connectTimeoutMs: limits.1, addressPolicy: policy))
            }
            thread.name = "herald-webhook-post"
            thread.start()
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        max(1, Int(duration.seconds * 1000))
    }
}
