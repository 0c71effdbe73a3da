/// Why an SMTP URL or configuration was rejected. Never contains the password.
public struct SMTPConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case notAURL
        case unsupportedScheme(String)
        case missingHost
        case invalidHost
        case invalidPort
        case invalidPercentEncoding
        case duplicateCredentials
        case passwordWithoutUser
        case unknownParameter(String)
        case invalidStartTLS(String)
        case startTLSWithImplicitTLS
        case invalidEHLOName
        case invalidTimeout
    }

    private let reason: Reason

    private init(_ reason: Reason) { self.reason = reason }

    /// The text is not of the form `scheme://[user[:password]@]host[:port][/ehlo][?query]`.
    public static let notAURL = Self(.notAURL)
    /// The scheme is not `smtp` or `smtps`.
    public static func unsupportedScheme(_ scheme: String) -> Self { Self(.unsupportedScheme(scheme)) }
    /// The URL has no host.
    public static let missingHost = Self(.missingHost)
    /// The host contains spaces, control characters or unbalanced brackets.
    public static let invalidHost = Self(.invalidHost)
    /// The port is not a number from 1 to 65535 (not echoed: it may be a mistyped password).
    public static let invalidPort = Self(.invalidPort)
    /// The user name or password has a `%` not followed by two hex digits, or is not UTF-8.
    public static let invalidPercentEncoding = Self(.invalidPercentEncoding)
    /// Credentials were given both in the URL and separately.
    public static let duplicateCredentials = Self(.duplicateCredentials)
    /// A password was given without a user name.
    public static let passwordWithoutUser = Self(.passwordWithoutUser)
    /// The query has a parameter other than `starttls`.
    public static func unknownParameter(_ name: String) -> Self { Self(.unknownParameter(name)) }
    /// `starttls` is not `required`, `opportunistic` or `never`.
    public static func invalidStartTLS(_ value: String) -> Self { Self(.invalidStartTLS(value)) }
    /// `starttls` was given for an `smtps://` URL, which is TLS from the first byte.
    public static let startTLSWithImplicitTLS = Self(.startTLSWithImplicitTLS)
    /// The EHLO name is empty, not ASCII, or given both in the URL path and separately.
    public static let invalidEHLOName = Self(.invalidEHLOName)
    /// A timeout is not positive.
    public static let invalidTimeout = Self(.invalidTimeout)

    public var description: String {
        let detail: String =
            switch reason {
            case .notAURL: "not a URL of the form smtp://user:password@host:port?starttls=required"
            case .unsupportedScheme(let scheme): "unsupported scheme '\(scheme)' (use smtp or smtps)"
            case .missingHost: "the URL has no host"
            case .invalidHost: "the host is not a valid host name or address"
            case .invalidPort: "invalid port (expected 1-65535)"
            case .invalidPercentEncoding: "the user name or password is not validly percent-encoded UTF-8"
            case .duplicateCredentials: "credentials are given both in the URL and separately"
            case .passwordWithoutUser: "a password is given without a user name"
            case .unknownParameter(let name): "unknown URL parameter '\(name)' (only starttls is supported)"
            case .invalidStartTLS(let value): "invalid starttls '\(value)' (use required, opportunistic or never)"
            case .startTLSWithImplicitTLS: "starttls does not apply to smtps:// (TLS from the start)"
            case .invalidEHLOName: "the EHLO name must be a non-empty ASCII host name, given once"
            case .invalidTimeout: "timeouts must be positive"
            }
        return "smtp configuration: \(detail)"
    }
}
