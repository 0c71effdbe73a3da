import HeraldCore
import HeraldCurl
import Logging

/// Delivers mail over SMTP through a pool of reusable connections (libcurl underneath).
///
/// Up to `connections` messages are in flight at once, each on its own connection and thread;
/// further callers wait for a free connection. Connections open on first use and stay open
/// between messages.
public final class SMTPTransport: MailTransport {
    /// The server and options every connection uses.
    public let configuration: SMTPConfiguration
    /// The most connections opened at once.
    public let connections: Int
    private let pool: SMTPConnectionPool

    /// Creates a transport; no connection is opened until the first `send`.
    public init(configuration: SMTPConfiguration, connections: Int = 1, logger: Logger = Logger(label: "herald.smtp")) {
        CurlRuntime.initialize()
        self.configuration = configuration
        self.connections = max(1, connections)
        pool = SMTPConnectionPool(configuration: configuration, limit: connections, logger: logger)
    }

    /// Sends one message on the next free connection.
    public func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
        let connection = await pool.acquire()
        do {
            let receipt = try await connection.send(mail)
            pool.release(connection)
            return receipt
        } catch {
            pool.release(connection)
            throw error
        }
    }

    /// Closes the connections that are not sending right now (each sends QUIT).
    public func closeIdleConnections() async {
        for connection in pool.drainIdle() {
            await connection.close()
        }
    }
}
