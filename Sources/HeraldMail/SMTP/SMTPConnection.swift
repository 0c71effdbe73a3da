import HeraldCore
import HeraldCurl
import Logging

/// One SMTP connection to the configured server, kept open and reused from message to message.
///
/// Each connection owns one libcurl easy handle (libcurl keeps the SMTP session alive between
/// transfers on the same handle) and a dedicated thread on which the actor runs, so blocking
/// transfers never occupy Swift's cooperative thread pool. Messages sent to one connection go out
/// one after the other; use `SMTPTransport` for a pool of connections sending in parallel.
///
/// After any failure the handle is discarded, so the next message starts on a fresh connection.
public actor SMTPConnection {
    /// The server and options this connection uses.
    public nonisolated let configuration: SMTPConfiguration
    private nonisolated let executor: ThreadExecutor
    private let logger: Logger
    private var handle: CurlEasyHandle?
    /// Extensions the server offered when the current connection was opened.
    private var capabilities: Set<String>?

    /// Runs the actor on the connection's own thread.
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    /// Creates a connection; nothing is opened until the first message is sent.
    public init(configuration: SMTPConfiguration, logger: Logger = Logger(label: "herald.smtp")) {
        self.configuration = configuration
        self.logger = logger
        executor = ThreadExecutor(name: "herald-smtp")
    }

    /// Lets the thread exit. Call `close()` first to end the session on the connection's own thread;
    /// otherwise libcurl says QUIT from whichever thread releases the connection last.
    /// (Not an `isolated deinit`: in Swift 6.3 that makes release builds of client modules fail
    /// with "circular reference".)
    deinit {
        executor.shutdown()
    }

    /// Sends one message to all its envelope recipients on this connection, opening (or reopening)
    /// it if needed. Any rejected recipient fails the whole message.
    public func send(_ mail: OutgoingMail) throws(MailDeliveryError) -> MailReceipt {
        if mail.requiresSMTPUTF8, let capabilities, !capabilities.contains("SMTPUTF8") {
            throw SMTPFailureClassifier.smtpUTF8Unsupported(context: failureContext)
        }
        var retriedStaleConnection = false
        while true {
            let mayReuseConnection = handle != nil
            let handle = try currentHandle()
            let transfer = SMTPTransfer(
                data: mail.data, requiresSMTPUTF8: mail.requiresSMTPUTF8, security: configuration.security
            )
            let code = try perform(mail, transfer: transfer, on: handle)
            if let learned = transfer.session.capabilities { capabilities = learned }
            if code == CURLE_OK {
                let reply = transfer.lastReply ?? SMTPReply(code: handle.info(CURLINFO_RESPONSE_CODE), lines: [])
                logger.debug(
                    "smtp message accepted",
                    metadata: [
                        "smtp.server": "\(configuration.endpoint)", "smtp.reply": "\(reply.summary)",
                        "smtp.new_connection": "\(transfer.session.isNewConnection)",
                    ]
                )
                return MailReceipt(replyCode: reply.code, replyText: reply.text)
            }
            let error = SMTPFailureClassifier.classify(
                curlCode: code.number, curlMessage: handle.errorMessage(for: code), lastReply: transfer.failureReply,
                stoppedForSMTPUTF8: transfer.stoppedForSMTPUTF8, context: failureContext
            )
            discardHandle()
            // A reused connection the server had already closed fails before any reply; nothing was
            // accepted, so one retry on a fresh connection cannot duplicate the message.
            if error.kind == .transient, mayReuseConnection, transfer.replyCount == 0,
                !transfer.session.isNewConnection, !retriedStaleConnection
            {
                retriedStaleConnection = true
                continue
            }
            logger.debug(
                "smtp delivery failed",
                metadata: ["smtp.server": "\(configuration.endpoint)", "smtp.error": "\(error)"]
            )
            throw error
        }
    }

    /// Closes the connection (sending QUIT); the next `send` opens a new one.
    public func close() {
        discardHandle()
    }

    private var failureContext: SMTPFailureContext {
        SMTPFailureContext(
            endpoint: configuration.endpoint, username: configuration.credentials?.username,
            caFile: configuration.caFile
        )
    }

    private func discardHandle() {
        handle = nil
        capabilities = nil
    }

    private func currentHandle() throws(MailDeliveryError) -> CurlEasyHandle {
        if let handle { return handle }
        guard CurlRuntime.initialize() else {
            throw MailDeliveryError(kind: .permanent, message: "smtp: libcurl could not be initialised")
        }
        guard let handle = CurlEasyHandle() else {
            throw MailDeliveryError(kind: .transient, message: "smtp: libcurl could not create a handle")
        }
        do {
            try CurlSMTPOptions.configure(handle, for: configuration)
        } catch {
            throw MailDeliveryError(error)
        }
        self.handle = handle
        return handle
    }

    private func perform(
        _ mail: OutgoingMail, transfer: SMTPTransfer, on handle: CurlEasyHandle
    ) throws(MailDeliveryError) -> CURLcode {
        let recipients = CurlStringList()
        for recipient in mail.recipients {
            guard recipients.append("<\(recipient)>") else {
                throw MailDeliveryError(kind: .transient, message: "smtp: out of memory building the recipient list")
            }
        }
        // The list must outlive the transfer; it is detached from the handle before being freed.
        defer {
            handle.clearList(CURLOPT_MAIL_RCPT)
            handle.clear(CURLOPT_READDATA)
            handle.clear(CURLOPT_HEADERDATA)
            withExtendedLifetime(recipients) {}
        }
        do {
            try handle.set(CURLOPT_MAIL_FROM, "<\(mail.sender)>")
            try handle.set(CURLOPT_MAIL_RCPT, list: recipients)
            try handle.set(CURLOPT_INFILESIZE_LARGE, size: mail.data.count)
            try handle.set(CURLOPT_READDATA, pointer: transfer.context)
            try handle.set(CURLOPT_HEADERDATA, pointer: transfer.context)
        } catch {
            throw MailDeliveryError(error)
        }
        return withExtendedLifetime(transfer) { handle.perform() }
    }
}
