/// Where and how to deliver mail over SMTP; parsed once at start-up and handed to `SMTPTransport`.
public struct SMTPConfiguration: Sendable, Hashable, CustomStringConvertible {
    /// How the connection is protected.
    public enum Security: Sendable, Hashable {
        /// `smtps://`: TLS from the first byte (usually port 465).
        case implicitTLS
        /// `smtp://`: plain connection, upgraded with STARTTLS according to the policy.
        case startTLS(StartTLSPolicy)
    }

    /// Host name or IP address (IPv6 without brackets).
    public var host: String
    /// TCP port.
    public var port: Int
    /// TLS mode.
    public var security: Security
    /// AUTH credentials; no AUTH when nil.
    public var credentials: SMTPCredentials?
    /// Whether to verify the server's certificate and host name. Turn off only for testing.
    public var verifyCertificates: Bool
    /// A PEM file of CA certificates to trust instead of the system store.
    public var caFile: String?
    /// Longest wait for the TCP (and TLS) connection.
    public var connectTimeout: Duration
    /// Longest time for one whole message transfer, connection set-up included.
    public var totalTimeout: Duration
    /// Longest silence of the server within a transfer (no byte sent or received) before it ends
    /// as a timeout; 30 s by default (`smtp_timeout_seconds`).
    public var silenceTimeout: Duration = .seconds(30)
    /// The name to send in EHLO; libcurl uses the machine's host name when nil.
    public var ehloName: String?

    /// Creates a configuration from its parts.
    public init(
        host: String,
        port: Int,
        security: Security,
        credentials: SMTPCredentials? = nil,
        verifyCertificates: Bool = true,
        caFile: String? = nil,
        connectTimeout: Duration = .seconds(15),
        totalTimeout: Duration = .seconds(120),
        ehloName: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.credentials = credentials
        self.verifyCertificates = verifyCertificates
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.ehloName = ehloName
    }

    /// `host:port`, with brackets around an IPv6 address; used in error messages.
    public var endpoint: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// Whether the host is the local machine (`localhost`, 127.0.0.0/8 or ::1).
    public var isLoopback: Bool { LoopbackHost.isLoopback(host) }

    /// The URL without the password, e.g. `smtp://news@smtp.example.org:587?starttls=required`.
    public var description: String {
        let user = credentials.map { "\($0.username)@" } ?? ""
        switch security {
        case .implicitTLS: return "smtps://\(user)\(endpoint)"
        case .startTLS(let policy): return "smtp://\(user)\(endpoint)?starttls=\(policy.rawValue)"
        }
    }
}
