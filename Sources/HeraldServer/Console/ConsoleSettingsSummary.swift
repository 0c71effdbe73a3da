import Foundation
import HeraldApp
import HeraldCore
import HeraldMail
import HeraldTemplates
import Hummingbird

/// The Settings page's summary of a configuration: what runs where, with every password, token
/// and secret left out (URLs keep only their scheme, host and port; admin tokens only their names).
enum ConsoleSettingsSummary {
    static func sections(_ c: HeraldConfiguration) -> [ConsoleSettingsPage.Section] {
        [
            .init(
                title: "Site",
                rows: [
                    ["Site name", c.siteName], ["Public address", c.baseURL],
                    ["Listens on", "\(c.listenHost):\(c.listenPort)"],
                    ["Templates", c.templates.map { "folder \($0) (over the built-in ones)" } ?? "built-in"],
                ]),
            .init(title: "Database", rows: [database(c.database)]),
            .init(title: "Mail", rows: mail(c)),
            .init(
                title: "Signups",
                rows: [
                    ["Confirmation link lifetime", hours(c.signup.confirmationLifetime)],
                    ["Reminder", c.signup.reminderAfter.map { "after " + hours($0) } ?? "off"],
                    ["Bot challenge", c.challenge.mode.rawValue],
                    [
                        "Rate limit",
                        "\(c.web.rateLimitPerMinute) a minute per client, bursts of \(c.web.rateLimitBurst)",
                    ],
                    [
                        "Other sites' forms allowed",
                        c.web.allowedOrigins.isEmpty ? "none" : c.web.allowedOrigins.joined(separator: ", "),
                    ],
                    [
                        "Trusted proxies",
                        c.web.trustedProxies.isEmpty ? "none" : c.web.trustedProxies.joined(separator: ", "),
                    ],
                ]),
            .init(title: "Newsletters", rows: c.newsletters.map(newsletter)),
            .init(
                title: "Webhooks",
                rows: c.webhooks.endpoints.isEmpty
                    ? [["Endpoints", "none"]]
                    : c.webhooks.endpoints.map {
                        [origin($0.url), $0.events.map(\.rawValue).sorted().joined(separator: ", ")]
                    }),
            .init(
                title: "Operators",
                rows: [
                    ["Admin tokens", c.adminTokens.keys.sorted().joined(separator: ", ")],
                    [
                        "Lockout",
                        "\(c.adminAuth.maxFailures) wrong tokens → \(Int(c.adminAuth.lockout.components.seconds / 60)) minutes",
                    ],
                ]),
        ]
    }

    private static func database(_ database: HeraldConfiguration.Database) -> [String] {
        switch database {
        case .sqlite(let path): ["Kind", "SQLite, file \(path)"]
        case .postgres(let url): ["Kind", "PostgreSQL at \(origin(url))"]
        }
    }

    private static func mail(_ c: HeraldConfiguration) -> [[String]] {
        var rows = [["From", c.mailFrom]]
        if let url = c.smtpURL, let smtp = try? SMTPConfiguration(url: url) {
            let tls =
                switch smtp.security {
                case .implicitTLS: "TLS from the first byte (smtps)"
                case .startTLS(let policy): "STARTTLS \(policy.rawValue)"
                }
            rows += [
                ["SMTP server", "\(smtp.host):\(smtp.port)"], ["TLS", tls],
                ["Sign-in", (smtp.credentials?.username ?? c.smtpUsername).map { "as \($0)" } ?? "none"],
                ["Connections", "\(c.smtpPoolSize), \(c.smtpTimeoutSeconds) s timeout"],
            ]
        } else {
            rows.append(["SMTP server", "none: mail is written as .eml files to \(c.mailFolder)"])
        }
        rows += [
            ["Retries", "\(c.outboxMaxAttempts) attempts, first after \(c.outboxRetrySeconds) s"],
            ["DKIM selector", c.dkimSelector ?? "none (the relay signs, or nobody does)"],
            ["Bounce address", c.bounceAddress.map { "\($0.localPart)@\($0.domain)" } ?? "none"],
        ]
        return rows
    }

    private static func newsletter(_ n: Newsletter) -> [String] {
        let parts = [
            "slug \(n.slug)", "time zone \(n.timeZone)",
            n.digestFeed.map { "digest from \(origin($0))" } ?? "no digest feed",
            n.archive ? "public archive" : "no archive", "link tracking \(n.tracking.rawValue)",
            n.opens ? "opens counted" : "opens not counted",
        ]
        return [n.title, parts.joined(separator: "; ")]
    }

    private static func hours(_ duration: Duration) -> String {
        let seconds = Int(duration.components.seconds)
        return seconds % 3600 == 0 ? "\(seconds / 3600) h" : "\(seconds / 60) min"
    }

    /// `scheme://host:port` of a URL, without user, password, path or query (which may hold secrets).
    static func origin(_ url: String) -> String {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, let host = parts.host else {
            return "(not a URL)"
        }
        return "\(scheme)://\(host)" + (parts.port.map { ":\($0)" } ?? "")
    }
}

extension ConsoleController {
    func settings(_ request: Request) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        let page = ConsoleSettingsPage(frame: frame(session), sections: services.settings)
        return ConsoleResponses.html(templates.consoleSettingsPage(page))
    }
}
