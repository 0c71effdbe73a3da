/// How a delivery attempt failed, and so what to do next.
public struct MailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Whether retrying later can help.
    public enum Kind: String, Sendable, Equatable {
        /// Connection refused/reset/timeout or a 4xx reply: retry later.
        case transient
        /// A 5xx reply, a rejected recipient, bad credentials or TLS trust: do not retry.
        case permanent
    }

    public var kind: Kind
    /// The SMTP reply code, when the server gave one.
    public var replyCode: Int?
    /// What happened, with the server's reply text when there was one.
    public var message: String
    /// Set when the failure says the relay is not answering (refused, timed out, 421).
    public var stall: RelayStall?

    public init(kind: Kind, replyCode: Int? = nil, message: String, stall: RelayStall? = nil) {
        self.kind = kind
        self.replyCode = replyCode
        self.message = message
        self.stall = stall
    }

    public var description: String {
        if let replyCode { return "\(kind.rawValue) failure (\(replyCode)): \(message)" }
        return "\(kind.rawValue) failure: \(message)"
    }
}

/// What the server said when it accepted a message.
public struct MailReceipt: Sendable, Equatable {
    public var replyCode: Int
    public var replyText: String

    public init(replyCode: Int, replyText: String) {
        self.replyCode = replyCode
        self.replyText = replyText
    }
}

/// Something that hands a finished message to a mail server (or a folder, in development).
///
/// Implementations are safe to call from many tasks at once.
public protocol MailTransport: Sendable {
    /// Sends one message to all its envelope recipients; throws `MailDeliveryError` on failure.
    func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt
}
