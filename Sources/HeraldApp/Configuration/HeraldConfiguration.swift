import Foundation
import HeraldCore
import HeraldCurl

/// Everything Herald needs to run, read once at start-up and passed down explicitly.
public struct HeraldConfiguration: Sendable {
    /// Where a database lives, chosen by the scheme of `database_url`.
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case postgres(url: String)
    }

    /// Host and port the HTTP server binds to.
    public var listenHost = "127.0.0.1"
    public var listenPort = 8080
    /// Public URL of this Herald, used in links in mail and pages (no trailing slash).
    public var baseURL = "http://127.0.0.1:8080"
    public var database = Database.sqlite(path: "./herald.sqlite")
    /// SMTP server URL; nil writes mail as .eml files to `mailFolder` instead.
    public var smtpURL: String?
    public var smtpUsername: String?
    public var smtpPassword: String?
    /// CA bundle trusted for the SMTP server's certificate, in addition to none.
    public var smtpCAFile: String?
    /// Number of SMTP connections used for bulk sends.
    public var smtpPoolSize = 4
    /// Longest silence of the SMTP server within one transfer before it counts as a timeout.
    public var smtpTimeoutSeconds = 30
    /// Consecutive transient failures of one kind (refused, timeout, 421) after which a digest run
    /// stops and the outbox worker pauses all delivery.
    public var relayStallLimit = 5
    /// Attempts at one digest delivery, over every run, after which a delivery still failing
    /// transiently is recorded `failed` instead of `deferred` (``DigestSendOptions/giveUpAfter``).
    public var digestGiveUpAfter = 12
    /// Default sender, "Name <address>" or a bare address.
    public var mailFrom = "Herald <noreply@example.com>"
    /// Folder for .eml files when no SMTP server is configured.
    public var mailFolder = "./mail"
    /// Folder of template overrides: a file there replaces the built-in one of the same relative
    /// path (`pages/index.mustache`, `assets/challenge.js`); `nil` uses only the built-in set.
    public var templates: String?
    /// Name of the site, shown in pages and mail.
    public var siteName = "Herald"
    /// Admin API tokens by name.
    public var adminTokens: [String: String] = [:]
    /// The limit on failed admin authentications per client.
    public var adminAuth = FailureLimitPolicy()
    /// Unknown confirmation/unsubscribe/preferences tokens one client may try before a lockout.
    public var linkGuessing = FailureLimitPolicy(maxFailures: 20)
    /// Optional file of disposable domains to refuse, one per line.
    public var disposableDomainsFile: String?
    /// Outbox retry rules (first retry delay doubles up to an hour; attempts before giving up).
    public var outboxRetrySeconds = 30
    public var outboxMaxAttempts = 8
    /// How long an outbox worker's claim lasts (renewed before a send when half is gone); at least
    /// twice `smtpTimeoutSeconds`, so a send cannot outlive it while another process waits.
    public var outboxLeaseSeconds = 300
    /// Whether `herald serve` answers the operator console under `/admin` (only with an admin token).
    public var adminConsole = true
    /// How long console sessions last (`console_session_hours`, `console_idle_minutes`).
    public var consoleSessions = ConsoleSessionLimits()
    /// The largest CSV upload the console takes (`console_upload_max_bytes`, 200 MB).
    public var consoleUploadMaxBytes = 200 * 1_048_576
    /// Double opt-in rules.
    public var signup = SignupPolicy()
    /// Web form rules.
    public var web = WebPolicy()
    /// The proof-of-work challenge on `POST /subscribe`.
    public var challenge = SignupChallengeSettings()
    /// When bounces suppress an address.
    public var bounces = BouncePolicy()
    /// Outgoing webhook endpoints and retry rules.
    public var webhooks = WebhookSettings()
    /// The bounce mailbox; when set, each message's envelope sender is `local+tag@domain` (VERP).
    public var bounceAddress: BounceAddress?
    /// The DKIM selector the relay signs with, for `herald doctor`.
    public var dkimSelector: String?
    /// The configured newsletters; the first is the default for forms that name none.
    public var newsletters = [Newsletter(slug: "news", title: "News and updates")]
    /// File holding the secret keys (manage links, erasure); nil: ``secretKeyFilePath``'s default.
    public var secretKeyFile: String?
    /// The secret keys as text (from `HERALD_SECRET_KEYS`); when set, no key file is used.
    public var secretKeys: String?
    /// Where feed and webhook requests may connect: public addresses plus `allow_private_urls`.
    public var outboundAddresses = OutboundAddressPolicy.publicOnly

    public init() {}

    /// The key file: `secret_key_file`, else `herald.keys` beside the SQLite database, else
    /// (PostgreSQL) `./herald.keys`.
    public var secretKeyFilePath: String {
        if let secretKeyFile { return secretKeyFile }
        guard case .sqlite(let path) = database else { return "./herald.keys" }
        return (URL(fileURLWithPath: path).deletingLastPathComponent().path as NSString)
            .appendingPathComponent("herald.keys")
    }
}

/// Rules for the HTTP endpoints people and other sites reach.
public struct WebPolicy: Sendable, Equatable {
    /// Name of the honeypot form field that people leave empty.
    public var honeypotField = "website"
    /// Origins allowed to call the JSON API from a browser (CORS) and to be redirected to.
    public var allowedOrigins: [String] = []
    /// Largest accepted request body.
    public var maxBodyBytes = 16 * 1024
    /// Seconds a connection may stay silent (no byte read or written) before it is closed, so idle
    /// and stalled slow clients do not hold connections forever.
    public var idleTimeoutSeconds = 30
    /// Seconds from the first byte of a request until its body has been read in full; a client
    /// trickling a request more slowly is disconnected, however short its pauses.
    public var requestDeadlineSeconds = 30
    /// Signups per client IP: bucket size and refill per minute.
    public var rateLimitBurst = 20
    public var rateLimitPerMinute = 60
    /// Peers whose forwarding header is believed, and that header's name.
    public var trustedProxies: [String] = []
    public var trustedProxyHeader = "X-Forwarded-For"

    public init() {}
}
