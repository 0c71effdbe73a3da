/// One signed POST to a webhook endpoint.
public struct WebhookRequest: Sendable, Equatable {
    public var url: String
    /// Header lines as `Name: value` (no line breaks: they are built by Herald, not taken from input).
    public var headers: [String]
    public var body: [UInt8]

    public init(url: String, headers: [String], body: [UInt8]) {
        self.url = url
        self.headers = headers
        self.body = body
    }
}

/// What an endpoint answered, or why there was no answer.
public enum WebhookResponse: Sendable, Equatable {
    /// An HTTP status and the start of the response body (for `last_result`).
    case answered(status: Int, excerpt: String)
    /// No HTTP answer: connection refused, timeout, TLS failure, bad URL.
    case unreachable(String)

    /// Whether the endpoint accepted the event (any 2xx).
    public var isSuccess: Bool {
        if case .answered(let status, _) = self { return (200..<300).contains(status) }
        return false
    }

    /// A one-line summary for the delivery row.
    public var summary: String {
        switch self {
        case .answered(let status, let excerpt): excerpt.isEmpty ? "HTTP \(status)" : "HTTP \(status): \(excerpt)"
        case .unreachable(let reason): reason
        }
    }
}

/// Sends webhook requests; safe to call from many tasks at once.
public protocol WebhookTransport: Sendable {
    func post(_ request: WebhookRequest) async -> WebhookResponse
}
