import HeraldCore
import HeraldCurl

/// Maps a failed libcurl transfer to a `MailDeliveryError`: transient when retrying later can help
/// (network trouble, timeouts, 4xx replies), permanent when it cannot (5xx replies, rejected
/// credentials, untrusted certificates, a server without SMTPUTF8 for a message that needs it).
package enum SMTPFailureClassifier {
    /// libcurl codes that mean the set-up, not the moment, is wrong.
    private static let permanentCodes: Set<UInt32> = [
        CURLE_UNSUPPORTED_PROTOCOL.number, CURLE_URL_MALFORMAT.number, CURLE_NOT_BUILT_IN.number,
        CURLE_BAD_FUNCTION_ARGUMENT.number, CURLE_UNKNOWN_OPTION.number, CURLE_SSL_ENGINE_NOTFOUND.number,
        CURLE_SSL_ENGINE_SETFAILED.number, CURLE_SSL_CERTPROBLEM.number, CURLE_SSL_CIPHER.number,
        CURLE_FILESIZE_EXCEEDED.number, CURLE_SSL_CRL_BADFILE.number, CURLE_SSL_ISSUER_ERROR.number,
        CURLE_SSL_PINNEDPUBKEYNOTMATCH.number, CURLE_SSL_INVALIDCERTSTATUS.number,
    ]

    /// Classifies a failed transfer. `curlCode` is the raw `CURLcode`; `lastReply` the server reply
    /// that ended the transaction, if any.
    package static func classify(
        curlCode: UInt32,
        curlMessage: String,
        lastReply: SMTPReply?,
        stoppedForSMTPUTF8: Bool,
        context: SMTPFailureContext
    ) -> MailDeliveryError {
        let endpoint = context.endpoint
        let replyCode = lastReply.map(\.code).flatMap { $0 >= 400 ? $0 : nil }
        let serverSaid = lastReply.map { ": \($0.summary)" } ?? ""

        if stoppedForSMTPUTF8 { return smtpUTF8Unsupported(context: context) }
        switch curlCode {
        case CURLE_LOGIN_DENIED.number:
            let user = context.username.map { "user '\($0)'" } ?? "anonymous user"
            let kind: MailDeliveryError.Kind = (replyCode ?? 500) < 500 ? .transient : .permanent
            return MailDeliveryError(
                kind: kind, replyCode: replyCode,
                message: "smtp: authentication failed for \(user) at \(endpoint)\(serverSaid)"
            )
        case CURLE_PEER_FAILED_VERIFICATION.number:
            let trust = trustSource(context)
            return MailDeliveryError(
                kind: .permanent,
                message: "smtp: the TLS certificate of \(endpoint) could not be verified against \(trust) "
                    + "(\(curlMessage)); set the CA file to the CA that issued it"
            )
        case CURLE_SSL_CACERT_BADFILE.number:
            return MailDeliveryError(
                kind: .permanent,
                message: "smtp: cannot load \(trustSource(context)) "
                    + "to verify \(endpoint): \(curlMessage)"
            )
        case CURLE_USE_SSL_FAILED.number:
            return MailDeliveryError(
                kind: .permanent, replyCode: replyCode,
                message: "smtp: \(endpoint) does not offer STARTTLS, which starttls=required demands\(serverSaid)"
            )
        default:
            break
        }
        if let replyCode {
            return MailDeliveryError(
                kind: replyCode < 500 ? .transient : .permanent, replyCode: replyCode,
                message: "smtp: \(endpoint) replied \(lastReply!.summary) (libcurl: \(curlMessage))",
                stall: replyCode == 421 ? RelayStall(kind: .unavailable, relay: endpoint) : nil
            )
        }
        let kind: MailDeliveryError.Kind = permanentCodes.contains(curlCode) ? .permanent : .transient
        return MailDeliveryError(
            kind: kind,
            message: "smtp: delivery to \(endpoint) failed: \(curlMessage) (libcurl error \(curlCode))",
            stall: stallKind(curlCode).map { RelayStall(kind: $0, relay: endpoint) }
        )
    }

    /// The stall a libcurl code stands for: the relay refused the connection or stopped answering.
    private static func stallKind(_ curlCode: UInt32) -> RelayStall.Kind? {
        switch curlCode {
        case CURLE_COULDNT_CONNECT.number: .refused
        case CURLE_OPERATION_TIMEDOUT.number, CURLE_GOT_NOTHING.number: .timeout
        default: nil
        }
    }

    /// The message needs SMTPUTF8 (a non-ASCII address) and the server does not offer it.
    package static func smtpUTF8Unsupported(context: SMTPFailureContext) -> MailDeliveryError {
        MailDeliveryError(
            kind: .permanent,
            message: "smtp: the message needs SMTPUTF8 (non-ASCII address) but \(context.endpoint) does not offer it"
        )
    }

    private static func trustSource(_ context: SMTPFailureContext) -> String {
        context.caFile.map { "the CA file '\($0)'" } ?? "the system CA certificates"
    }
}
