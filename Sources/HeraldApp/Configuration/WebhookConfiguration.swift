import Foundation
import HeraldCore

/// Outgoing webhook settings: the endpoints and the retry rules.
public struct WebhookSettings: Sendable, Equatable {
    /// Where events go; empty sends nothing.
    public var endpoints: [WebhookEndpoint] = []
    /// First retry delay (doubling, ±25 % jitter, at most 1 h).
    public var retrySeconds = 30
    /// Attempts before a delivery is marked failed.
    public var maxAttempts = 10

    public init() {}
}

/// Reads the `webhooks` list: `url`, `secret`, `events` (default: all).
enum WebhookConfiguration {
    static func parse(_ value: ConfigValue) throws(ConfigurationError) -> [WebhookEndpoint] {
        var endpoints: [WebhookEndpoint] = []
        for item in try value.sequence() {
            let endpoint = try parseOne(item)
            guard !endpoints.contains(where: { $0.url == endpoint.url }) else {
                throw item.fail("duplicate webhook url '\(endpoint.url.prefix(80))'")
            }
            endpoints.append(endpoint)
        }
        return endpoints
    }

    private static func parseOne(_ item: ConfigValue) throws(ConfigurationError) -> WebhookEndpoint {
        var url: String?
        var secret: String?
        var events = Set(WebhookEventType.allCases)
        for (key, value) in try item.mapping() {
            switch key {
            case "url": url = try parseURL(value)
            case "secret": secret = try parseSecret(value)
            case "events": events = try parseEvents(value)
            default: throw value.fail("unknown webhook key (known: url, secret, events)")
            }
        }
        guard let url else { throw item.fail("every webhook needs a url") }
        guard let secret else { throw item.fail("every webhook needs a secret (at least 24 characters)") }
        return WebhookEndpoint(url: url, secret: secret, events: events)
    }

    static func parseURL(_ value: ConfigValue) throws(ConfigurationError) -> String {
        let text = try value.text()
        guard let url = URLComponents(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false, url.fragment == nil, text.utf8.count <= 2048
        else { throw value.fail("expected an http(s) URL, got '\(text.prefix(80))'") }
        return text
    }

    static func parseSecret(_ value: ConfigValue) throws(ConfigurationError) -> String {
        let secret = try value.text()
        guard secret.utf8.count >= 24 else { throw value.fail("webhook secrets must be at least 24 characters long") }
        return secret
    }

    static func parseEvents(_ value: ConfigValue) throws(ConfigurationError) -> Set<WebhookEventType> {
        let names = try value.textList()
        guard !names.isEmpty else { throw value.fail("list at least one event (or leave events out for all)") }
        var events = Set<WebhookEventType>()
        for name in names {
            guard let event = WebhookEventType(rawValue: name) else {
                let known = WebhookEventType.allCases.map(\.rawValue).joined(separator: ", ")
                throw value.fail("unknown event '\(name.prefix(60))' (known: \(known))")
            }
            events.insert(event)
        }
        return events
    }
}
