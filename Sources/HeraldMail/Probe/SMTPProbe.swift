import Foundation
import HeraldCore
import HeraldCurl

/// How far an SMTP set-up check got: each step the relay passed, and the first one it failed.
public struct SMTPProbeResult: Sendable, Equatable {
    /// The steps of a session, in order.
    public enum Step: String, Sendable, Equatable, CaseIterable {
        case connect, ehlo, starttls, certificate, auth, mailFrom = "mail_from", reset
    }

    /// The steps that succeeded.
    public var passed: [Step] = []
    /// The step that failed, with what the server or libcurl said.
    public var failure: (step: Step, message: String)?
    /// The EHLO keywords the server offered (after STARTTLS when it was used).
    public var capabilities: Set<String> = []
    /// Whether the session ran in TLS.
    public var tls = false

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.passed == rhs.passed && lhs.failure?.step == rhs.failure?.step
            && lhs.failure?.message == rhs.failure?.message && lhs.capabilities == rhs.capabilities
            && lhs.tls == rhs.tls
    }
}

/// Checks an SMTP relay the way Herald will use it — connect, EHLO, STARTTLS with certificate
/// verification, AUTH with the configured credentials, `MAIL FROM` — then says `RSET`, so nothing
/// is sent. Every step is bounded by the configuration's connect and total timeouts.
public enum SMTPProbe {
    /// Runs the check on its own thread (libcurl blocks).
    public static func run(_ configuration: SMTPConfiguration, sender: String) async -> SMTPProbeResult {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: probe(configuration, sender: sender)) }
        }
    }

    static func probe(_ configuration: SMTPConfiguration, sender: String) -> SMTPProbeResult {
        var result = SMTPProbeResult()
        guard CurlRuntime.initialize(), let handle = CurlEasyHandle() else {
            result.failure = (.connect, "libcurl could not be initialised")
            return result
        }
        let transfer = SMTPTransfer(data: [], requiresSMTPUTF8: false, security: configuration.security)
        do {
            try CurlSMTPOptions.configure(handle, for: configuration)
            try handle.set(CURLOPT_UPLOAD, 0)
            try handle.set(CURLOPT_WRITEFUNCTION, callback: discard)
            try handle.set(CURLOPT_HEADERDATA, pointer: transfer.context)
            try handle.set(CURLOPT_CUSTOMREQUEST, "MAIL FROM:<\(sender)>")
        } catch {
            result.failure = (.connect, "libcurl refused an option: \(error)")
            return result
        }
        let code = withExtendedLifetime(transfer) { handle.perform() }
        result.capabilities = transfer.session.capabilities ?? []
        result.tls = transfer.session.tlsActive
        if code != CURLE_OK {
            result.failure = failure(code, handle.errorMessage(for: code), transfer, configuration)
            result.passed = steps(before: result.failure!.step, configuration)
            handle.clear(CURLOPT_HEADERDATA)
            return result
        }
        result.passed = steps(before: .reset, configuration)
        let reset = SMTPTransfer(data: [], requiresSMTPUTF8: false, security: configuration.security)
        _ = try? handle.set(CURLOPT_HEADERDATA, pointer: reset.context)
        _ = try? handle.set(CURLOPT_CUSTOMREQUEST, "RSET")
        let resetCode = withExtendedLifetime(reset) { handle.perform() }
        handle.clear(CURLOPT_HEADERDATA)
        if resetCode == CURLE_OK {
            result.passed.append(.reset)
        } else {
            result.failure = (.reset, reset.failureReply?.summary ?? handle.errorMessage(for: resetCode))
        }
        return result
    }

    /// The steps a session under `configuration` goes through before `step`.
    static func steps(before step: SMTPProbeResult.Step, _ configuration: SMTPConfiguration) -> [SMTPProbeResult.Step] {
        let all = SMTPProbeResult.Step.allCases.filter { candidate in
            switch candidate {
            case .starttls: configuration.security == .startTLS(.required)
            case .certificate: configuration.security != .startTLS(.never) && configuration.verifyCertificates
            case .auth: configuration.credentials != nil
            default: true
            }
        }
        return Array(all.prefix { $0 != step })
    }

    private static func failure(
        _ code: CURLcode, _ message: String, _ transfer: SMTPTransfer, _ configuration: SMTPConfiguration
    ) -> (SMTPProbeResult.Step, String) {
        let reply = transfer.failureReply?.summary
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT:
            return (.connect, message)
        case CURLE_OPERATION_TIMEDOUT:
            return (transfer.replyCount == 0 ? .connect : .ehlo, "timed out: \(message)")
        case CURLE_USE_SSL_FAILED:
            return (.starttls, "the server does not offer STARTTLS")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return (.certificate, message)
        case CURLE_SSL_CONNECT_ERROR:
            return (configuration.verifyCertificates ? .certificate : .starttls, message)
        case CURLE_LOGIN_DENIED:
            return (.auth, reply ?? message)
        default:
            guard transfer.replyCount > 0 else { return (.connect, message) }
            return (.mailFrom, reply ?? message)
        }
    }

    private static let discard: curl_write_callback = { _, size, count, _ in size * count }
}
