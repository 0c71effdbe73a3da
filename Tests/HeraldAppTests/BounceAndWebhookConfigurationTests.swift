import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldApp

/// The bounce policy and webhook keys, with file:line errors like every other key.
@Suite("Configuration: bounces and webhooks")
struct BounceAndWebhookConfigurationTests {
    private func load(_ yaml: String, environment: [String: String] = [:]) throws -> HeraldConfiguration {
        try ConfigurationTestLoading.load(yaml, environment: environment)
    }

    private func message(_ yaml: String, environment: [String: String] = [:]) -> String {
        ConfigurationTestLoading.message(yaml, environment: environment)
    }

    static let secret = "0123456789abcdef01234567"

    @Test func defaultsSuppressAfterThreeSoftBouncesInAWeekAndSendNoWebhooks() {
        let configuration = HeraldConfiguration()
        #expect(configuration.bounces == BouncePolicy(softLimit: 3, softWindow: .seconds(7 * 86_400)))
        #expect(configuration.webhooks.endpoints.isEmpty)
        #expect(configuration.webhooks.maxAttempts == 10)
    }

    @Test func valuesFromTheFileAndTheEnvironment() throws {
        let configuration = try load(
            """
            bounce_soft_limit: 5
            webhooks:
              - url: https://crm.example.org/hooks/herald
                secret: \(Self.secret)
                events: [subscription.confirmed, subscriber.erased]
              - url: http://127.0.0.1:9000/all
                secret: \(Self.secret)x
            webhook_retry_seconds: 5
            """, environment: ["HERALD_BOUNCE_SOFT_WINDOW_DAYS": "2", "HERALD_WEBHOOK_MAX_ATTEMPTS": "4"])
        #expect(configuration.bounces == BouncePolicy(softLimit: 5, softWindow: .seconds(2 * 86_400)))
        #expect(configuration.webhooks.retrySeconds == 5)
        #expect(configuration.webhooks.maxAttempts == 4)
        #expect(
            configuration.webhooks.endpoints == [
                WebhookEndpoint(
                    url: "https://crm.example.org/hooks/herald", secret: Self.secret, events: [.confirmed, .erased]),
                WebhookEndpoint(url: "http://127.0.0.1:9000/all", secret: Self.secret + "x"),
            ])
    }

    @Test(arguments: [
        ("bounce_soft_limit: 0", "herald.yml:1: key 'bounce_soft_limit': must be between 1 and 1000, got 0"),
        ("bounce_soft_window_days: many", "herald.yml:1: key 'bounce_soft_window_days': expected a whole number"),
        ("webhook_max_attempts: 101", "herald.yml:1: key 'webhook_max_attempts': must be between 1 and 100"),
        ("webhooks: https://x.example", "herald.yml:1: key 'webhooks': expected a list"),
        (
            "webhooks:\n  - url: javascript:alert(1)\n    secret: \(secret)",
            "herald.yml:2: key 'url': expected an http(s) URL"
        ),
        ("webhooks:\n  - url: https://x.example/\r\n    secret: \(secret)", "no error"),
        (
            "webhooks:\n  - url: https://x.example/\n    secret: short",
            "herald.yml:3: key 'secret': webhook secrets must be at least 24"
        ),
        ("webhooks:\n  - secret: \(secret)", "every webhook needs a url"),
        ("webhooks:\n  - url: https://x.example/", "every webhook needs a secret"),
        ("webhooks:\n  - url: https://x.example/\n    secret: \(secret)\n    events: []", "list at least one event"),
        (
            "webhooks:\n  - url: https://x.example/\n    secret: \(secret)\n    events: [drop table]",
            "unknown event 'drop table'"
        ),
        (
            "webhooks:\n  - url: https://x.example/\n    secret: \(secret)\n    retries: 3",
            "herald.yml:4: key 'retries': unknown webhook key"
        ),
        (
            "webhooks:\n  - {url: 'https://x.example/', secret: \(secret)}\n  - {url: 'https://x.example/', secret: \(secret)}",
            "duplicate webhook url"
        ),
    ])
    func badValuesNameTheKeyAndLine(_ yaml: String, _ expected: String) {
        #expect(message(yaml).contains(expected), "\(message(yaml))")
    }

    @Test func aSecretWithALineBreakIsRefused() {
        #expect(
            message("webhooks:\n  - url: https://x.example/\n    secret: \"\(Self.secret)\\r\\nX: y\"").contains(
                "control characters"))
    }
}
