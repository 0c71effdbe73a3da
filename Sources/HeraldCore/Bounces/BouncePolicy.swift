/// When bounces suppress an address.
///
/// A hard bounce or a complaint suppresses at once; soft bounces suppress once `softLimit` of them
/// occurred within `softWindow`.
public struct BouncePolicy: Sendable, Equatable {
    /// Soft bounces within the window that suppress the address.
    public var softLimit: Int
    /// How far back soft bounces count.
    public var softWindow: Duration

    public init(softLimit: Int = 3, softWindow: Duration = .seconds(7 * 86_400)) {
        self.softLimit = softLimit
        self.softWindow = softWindow
    }
}

/// What recording one report did.
public enum BounceOutcome: Sendable, Equatable {
    /// Stored; the address is now suppressed for this reason.
    case suppressed(SuppressionReason)
    /// Stored; the address was already suppressed (the earlier reason stays).
    case alreadySuppressed(SuppressionReason)
    /// Stored; not (yet) enough to suppress (soft bounces below the limit).
    case recorded
    /// Not stored again: the same report (kind, source, time, diagnostic) was recorded before.
    case duplicate
    /// Not stored: the address is not a valid email address.
    case invalidAddress(String)
}

/// What recording a bounce touches: the subscriber lookup, the bounce log and the suppression list.
public typealias BounceRecordingOperations = SubscriberOperations & BounceOperations & SuppressionListOperations

/// Told about permanent SMTP rejections while Herald sends (outbox worker, digest runs).
public protocol BounceRecorder: Sendable {
    /// Records, inside the transaction that marks the send failed, that the server refused
    /// `address` for good with `reply`.
    func recordPermanentFailure(address: String, reply: String, in tx: any BounceRecordingOperations) async throws
}

extension MailDeliveryError {
    /// Whether this failure says the recipient's mailbox refuses mail for good (a hard bounce),
    /// rather than a problem with Herald's own set-up (credentials, TLS) or a passing one.
    public var isRecipientRejection: Bool {
        guard kind == .permanent, let replyCode else { return false }
        return [550, 551, 553, 554, 521, 556].contains(replyCode)
    }
}
