import HeraldCore
import HeraldCurl

/// One top-level configuration key: its YAML name, its environment variable and how it applies.
struct ConfigurationKey: Sendable {
    typealias Apply = @Sendable (inout HeraldConfiguration, ConfigValue) throws(ConfigurationError) -> Void

    let name: String
    let help: String
    let apply: Apply

    /// `HERALD_` + the upper-cased key name.
    var environmentName: String { "HERALD_" + name.uppercased() }

    /// Every key Herald accepts; anything else is an error.
    static let all: [ConfigurationKey] =
        [
            .init(name: "listen", help: "host:port to serve HTTP on") { config, value throws(ConfigurationError) in
                (config.listenHost, config.listenPort) = try parseListen(value)
            },
            .init(name: "base_url", help: "public URL used in links") { config, value throws(ConfigurationError) in
                config.baseURL = try parseBaseURL(value)
            },
            .init(name: "database_url", help: "sqlite:PATH or postgres://…") {
                config, value throws(ConfigurationError) in
                config.database = try parseDatabase(value)
            },
            .init(name: "smtp_url", help: "smtp://host:port or smtps://host:port") { c, v throws(ConfigurationError) in
                c.smtpURL = try v.text()
            },
            .init(name: "smtp_username", help: "SMTP user") { c, v throws(ConfigurationError) in
                c.smtpUsername = try v.text()
            },
            .init(name: "smtp_password", help: "SMTP password") { c, v throws(ConfigurationError) in
                c.smtpPassword = try v.text()
            },
            .init(name: "smtp_ca_file", help: "CA bundle for the SMTP server") { c, v throws(ConfigurationError) in
                c.smtpCAFile = try v.text()
            },
            .init(name: "smtp_pool_size", help: "SMTP connections for bulk sends") { c, v throws(ConfigurationError) in
                c.smtpPoolSize = try v.int(in: 1...64)
            },
            .init(name: "smtp_timeout_seconds", help: "longest SMTP server silence within one transfer") {
                c, v throws(ConfigurationError) in
                c.smtpTimeoutSeconds = try v.int(in: 1...600)
            },
            .init(name: "relay_stall_limit", help: "consecutive refused/timeout/421 failures that stop a run") {
                c, v throws(ConfigurationError) in
                c.relayStallLimit = try v.int(in: 1...1000)
            },
            .init(name: "digest_give_up_after", help: "attempts at a digest delivery, over all runs, before it fails") {
                c, v throws(ConfigurationError) in
                c.digestGiveUpAfter = try v.int(in: 1...1000)
            },
            .init(name: "outbox_retry_seconds", help: "first retry delay for transient failures") {
                c, v throws(ConfigurationError) in
                c.outboxRetrySeconds = try v.int(in: 1...86_400)
            },
            .init(name: "outbox_lease_seconds", help: "how long a worker's claim on queued mail lasts") {
                c, v throws(ConfigurationError) in
                c.outboxLeaseSeconds = try v.int(in: 2...86_400)
            },
            .init(name: "outbox_max_attempts", help: "attempts before a mail is marked failed") {
                c, v throws(ConfigurationError) in
                c.outboxMaxAttempts = try v.int(in: 1...100)
            },
            .init(name: "mail_from", help: "default sender") { c, v throws(ConfigurationError) in
                c.mailFrom = try v.text()
            },
            .init(name: "mail_folder", help: ".eml folder without SMTP") { c, v throws(ConfigurationError) in
                c.mailFolder = try v.text()
            },
            .init(name: "templates", help: "folder of template overrides (herald templates export DIR)") {
                c, v throws(ConfigurationError) in
                c.templates = try v.text()
            },
            .init(name: "site_name", help: "site name in pages and mail") { c, v throws(ConfigurationError) in
                c.siteName = try v.text()
            },
            .init(name: "admin_token", help: "admin API bearer token") { c, v throws(ConfigurationError) in
                c.adminTokens["admin"] = try parseToken(v)
            },
            .init(name: "admin_tokens", help: "named admin API bearer tokens (name: token)") {
                c, v throws(ConfigurationError) in
                c.adminTokens.merge(try parseAdminTokens(v)) { _, named in named }
            },
            .init(name: "admin_console", help: "serve the operator console under /admin (needs an admin token)") {
                c, v throws(ConfigurationError) in
                c.adminConsole = try v.bool()
            },
            .init(name: "console_session_hours", help: "longest life of an operator console session") {
                c, v throws(ConfigurationError) in
                c.consoleSessions.absolute = Double(try v.int(in: 1...168) * 3600)
            },
            .init(name: "console_upload_max_bytes", help: "largest CSV upload the console takes") {
                c, v throws(ConfigurationError) in
                c.consoleUploadMaxBytes = try v.int(in: 1024...(8 << 30))
            },
            .init(name: "console_idle_minutes", help: "console sessions end after this long unused") {
                c, v throws(ConfigurationError) in
                c.consoleSessions.idle = Double(try v.int(in: 5...1440) * 60)
            },
            .init(name: "admin_auth_max_failures", help: "wrong admin tokens from one IP before a lockout") {
                c, v throws(ConfigurationError) in
                c.adminAuth.maxFailures = try v.int(in: 1...1000)
            },
            .init(name: "admin_auth_window_seconds", help: "how long failed admin authentications count") {
                c, v throws(ConfigurationError) in
                c.adminAuth.window = .seconds(try v.int(in: 1...86_400))
            },
            .init(name: "admin_auth_lockout_seconds", help: "how long a client is locked out of the admin API") {
                c, v throws(ConfigurationError) in
                c.adminAuth.lockout = .seconds(try v.int(in: 1...86_400))
            },
            .init(name: "link_guess_max_failures", help: "unknown link tokens from one IP before a lockout") {
                c, v throws(ConfigurationError) in
                c.linkGuessing.maxFailures = try v.int(in: 1...10_000)
            },
            .init(name: "disposable_domains_file", help: "file of domains to refuse") {
                c, v throws(ConfigurationError) in
                c.disposableDomainsFile = try v.text()
            },
            .init(name: "confirmation_hours", help: "confirmation link lifetime") { c, v throws(ConfigurationError) in
                c.signup.confirmationLifetime = .seconds(try v.int(in: 1...720) * 3600)
            },
            .init(name: "throttle_minutes", help: "minimum minutes between mails to one address") {
                c, v throws(ConfigurationError) in
                c.signup.mailInterval = .seconds(try v.int(in: 0...1440) * 60)
            },
            .init(name: "throttle_per_day", help: "maximum mails per address per day") {
                c, v throws(ConfigurationError) in
                c.signup.mailsPerDay = try v.int(in: 1...1000)
            },
            .init(name: "honeypot_field", help: "name of the honeypot form field") { c, v throws(ConfigurationError) in
                c.web.honeypotField = try v.text()
            },
            .init(name: "allowed_origins", help: "origins for CORS and redirects") { c, v throws(ConfigurationError) in
                c.web.allowedOrigins = try v.textList().map { origin throws(ConfigurationError) in
                    try parseOrigin(origin, v)
                }
            },
            .init(name: "max_body_bytes", help: "largest request body") { c, v throws(ConfigurationError) in
                c.web.maxBodyBytes = try v.int(in: 1024...10_485_760)
            },
            .init(name: "idle_timeout_seconds", help: "close HTTP connections silent this long") {
                c, v throws(ConfigurationError) in
                c.web.idleTimeoutSeconds = try v.int(in: 1...3600)
            },
            .init(
                name: "request_deadline_seconds",
                help: "close connections whose request is not received in full this soon"
            ) {
                c, v throws(ConfigurationError) in
                c.web.requestDeadlineSeconds = try v.int(in: 1...3600)
            },
            .init(name: "rate_limit_burst", help: "signups per IP in a burst") { c, v throws(ConfigurationError) in
                c.web.rateLimitBurst = try v.int(in: 1...1_000_000)
            },
            .init(name: "rate_limit_per_minute", help: "signups per IP per minute") { c, v throws(ConfigurationError) in
                c.web.rateLimitPerMinute = try v.int(in: 1...1_000_000)
            },
            .init(name: "trusted_proxies", help: "proxy IPs whose forwarding header is trusted") {
                c, v throws(ConfigurationError) in
                c.web.trustedProxies = try v.textList()
            },
            .init(name: "trusted_proxy_header", help: "forwarding header name") { c, v throws(ConfigurationError) in
                c.web.trustedProxyHeader = try v.text()
            },
            .init(name: "secret_key_file", help: "file of the manage-link and erasure keys (created 0600)") {
                c, v throws(ConfigurationError) in
                c.secretKeyFile = try v.text()
            },
            .init(name: "secret_keys", help: "the keys themselves, in the key file's format (HERALD_SECRET_KEYS)") {
                c, v throws(ConfigurationError) in
                c.secretKeys = try v.text()
            },
            .init(name: "allow_private_urls", help: "hosts and networks feeds and webhooks may reach although private")
            {
                c, v throws(ConfigurationError) in
                let allowed = try v.textList()
                do throws(OutboundAddressPolicy.Invalid) {
                    c.outboundAddresses = try OutboundAddressPolicy(allowing: allowed)
                } catch {
                    throw v.fail(
                        "'\(error.entry)' is neither a host name nor an IP address or network (such as 10.0.0.0/8)")
                }
            },
            .init(name: "newsletters", help: "list of newsletters") { c, v throws(ConfigurationError) in
                c.newsletters = try NewsletterConfiguration.parse(v)
            },
            .init(name: "bounce_soft_limit", help: "soft bounces within the window that suppress an address") {
                c, v throws(ConfigurationError) in
                c.bounces.softLimit = try v.int(in: 1...1000)
            },
            .init(name: "bounce_soft_window_days", help: "days over which soft bounces count") {
                c, v throws(ConfigurationError) in
                c.bounces.softWindow = .seconds(try v.int(in: 1...365) * 86_400)
            },
            .init(name: "webhooks", help: "list of webhook endpoints (url, secret, events)") {
                c, v throws(ConfigurationError) in
                c.webhooks.endpoints = try WebhookConfiguration.parse(v)
            },
            .init(name: "webhook_retry_seconds", help: "first retry delay for failed webhook deliveries") {
                c, v throws(ConfigurationError) in
                c.webhooks.retrySeconds = try v.int(in: 1...86_400)
            },
            .init(name: "webhook_max_attempts", help: "attempts before a webhook delivery is marked failed") {
                c, v throws(ConfigurationError) in
                c.webhooks.maxAttempts = try v.int(in: 1...100)
            },
        ] + signupChallenge + deliverability
}
