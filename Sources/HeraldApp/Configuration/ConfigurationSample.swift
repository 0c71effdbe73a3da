import Foundation
import HeraldCore

/// The commented `herald.yml` that `herald init` writes: every key the parser accepts
/// (``ConfigurationKey/all``), its default and its one-line help.
public enum ConfigurationSample {
    /// The paths and secret an installation starts with.
    public struct Settings: Sendable {
        /// Folder for the SQLite database, the key file and the mail folder.
        public var dataDirectory: String
        /// The admin API token; `nil` leaves `admin_token` commented out (e.g. set by environment).
        public var adminToken: String?

        public init(dataDirectory: String, adminToken: String?) {
            self.dataDirectory = dataDirectory
            self.adminToken = adminToken
        }
    }

    /// Keys `herald init` sets (not commented out), with their values for `settings`.
    static func setValues(_ settings: Settings) -> [String: String] {
        let data =
            settings.dataDirectory.hasSuffix("/") ? String(settings.dataDirectory.dropLast()) : settings.dataDirectory
        var values = [
            "database_url": quoted("sqlite:\(data)/herald.sqlite"),
            "secret_key_file": quoted("\(data)/herald.keys"),
            "mail_folder": quoted("\(data)/mail"),
        ]
        if let token = settings.adminToken { values["admin_token"] = quoted(token) }
        return values
    }

    /// The default of each key as YAML text (or a description in parentheses when it has none),
    /// read from a fresh ``HeraldConfiguration`` where the value is a plain one.
    static var defaults: [String: String] {
        let c = HeraldConfiguration()
        let challenge = c.challenge
        return [
            "listen": "\(c.listenHost):\(c.listenPort)", "base_url": c.baseURL,
            "database_url": "sqlite:./herald.sqlite", "smtp_url": "(none: mail goes to mail_folder as .eml files)",
            "smtp_username": "(none)", "smtp_password": "(none)", "smtp_ca_file": "(system CA bundle)",
            "smtp_pool_size": "\(c.smtpPoolSize)", "smtp_timeout_seconds": "\(c.smtpTimeoutSeconds)",
            "relay_stall_limit": "\(c.relayStallLimit)", "digest_give_up_after": "\(c.digestGiveUpAfter)",
            "outbox_retry_seconds": "\(c.outboxRetrySeconds)",
            "outbox_max_attempts": "\(c.outboxMaxAttempts)", "outbox_lease_seconds": "\(c.outboxLeaseSeconds)",
            "mail_from": quoted(c.mailFrom),
            "mail_folder": c.mailFolder, "templates": "(none: the built-in templates)", "site_name": c.siteName,
            "admin_token": "(none: the admin API refuses every request)", "admin_tokens": "(none)",
            "admin_auth_max_failures": "\(c.adminAuth.maxFailures)", "admin_console": "\(c.adminConsole)",
            "console_session_hours": "\(Int(c.consoleSessions.absolute / 3600))",
            "console_idle_minutes": "\(Int(c.consoleSessions.idle / 60))",
            "console_upload_max_bytes": "\(c.consoleUploadMaxBytes)",
            "admin_auth_window_seconds": "\(c.adminAuth.window.components.seconds)",
            "admin_auth_lockout_seconds": "\(c.adminAuth.lockout.components.seconds)",
            "link_guess_max_failures": "\(c.linkGuessing.maxFailures)", "disposable_domains_file": "(none)",
            "confirmation_hours": "\(c.signup.confirmationLifetime.components.seconds / 3600)",
            "throttle_minutes": "\(c.signup.mailInterval.components.seconds / 60)",
            "throttle_per_day": "\(c.signup.mailsPerDay)", "honeypot_field": c.web.honeypotField,
            "allowed_origins": "[]", "max_body_bytes": "\(c.web.maxBodyBytes)",
            "idle_timeout_seconds": "\(c.web.idleTimeoutSeconds)",
            "request_deadline_seconds": "\(c.web.requestDeadlineSeconds)",
            "rate_limit_burst": "\(c.web.rateLimitBurst)", "rate_limit_per_minute": "\(c.web.rateLimitPerMinute)",
            "trusted_proxies": "[]", "trusted_proxy_header": c.web.trustedProxyHeader,
            "secret_key_file": "(beside the SQLite database: herald.keys)", "secret_keys": "(none: secret_key_file)",
            "allow_private_urls": "[]", "newsletters": "(one newsletter, slug news)",
            "bounce_soft_limit": "\(c.bounces.softLimit)",
            "bounce_soft_window_days": "\(c.bounces.softWindow.components.seconds / 86_400)",
            "webhooks": "[]", "webhook_retry_seconds": "\(c.webhooks.retrySeconds)",
            "webhook_max_attempts": "\(c.webhooks.maxAttempts)", "signup_challenge": challenge.mode.rawValue,
            "signup_challenge_difficulty": "\(challenge.difficulty)",
            "signup_challenge_expiry_seconds": "\(challenge.lifetimeSeconds)",
            "signup_challenge_rate_per_minute": "\(challenge.overallPerMinute)",
            "signup_challenge_network_rate_per_minute": "\(challenge.networkPerMinute)",
            "signup_challenge_domain_rate_per_minute": "\(challenge.domainPerMinute)",
            "signup_challenge_window_seconds": "\(challenge.windowSeconds)",
            "signup_challenge_hold_seconds": "\(challenge.holdSeconds)", "bounce_address": "(none)",
            "reminder_hours": c.signup.reminderAfter.map { "\($0.components.seconds / 3600)" } ?? "0",
            "dkim_selector": "(none)",
        ]
    }

    /// The file's text: a header, then one line per key — `key: value` for the keys set, else
    /// `# key: default` — each followed by its help, and an example newsletter list.
    public static func text(_ settings: Settings) -> String {
        let set = setValues(settings)
        let defaults = defaults
        var lines = [
            "# Herald configuration (written by herald init). Every key Herald accepts is listed with its",
            "# default; uncomment a line to change it. HERALD_<KEY> environment variables override keys.",
            "# Check it with: herald doctor --config THIS_FILE",
            "",
        ]
        for key in ConfigurationKey.all where key.name != "newsletters" {
            let value = set[key.name].map { "\(key.name): \($0)" } ?? "# \(key.name): \(defaults[key.name] ?? "(none)")"
            lines.append("\(value)  # \(key.help)")
        }
        lines += [
            "", "# newsletters: \(defaults["newsletters"] ?? "")  # \(ConfigurationKey.newslettersHelp)",
            "newsletters:", "  - slug: news", "    title: News and updates",
            "    # description, from, time_zone, digest_feed (or digest_feeds: {uk: …, en: …}, one per language),",
            "    # welcome, archive, archive_noindex, tracking", "",
        ]
        return lines.joined(separator: "\n")
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension ConfigurationKey {
    /// The help line of `newsletters`, written above the example list.
    static var newslettersHelp: String { all.first { $0.name == "newsletters" }?.help ?? "" }
}
