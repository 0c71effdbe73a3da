import Foundation
import HeraldCore
import HeraldTemplates
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Logging

@testable import HeraldApp
@testable import HeraldServer

/// The real router (`buildRouter`: every controller, middleware and error mapping `herald serve`
/// uses) over an in-memory store, the built-in templates and a recording mail transport, driven
/// in process by HummingbirdTesting (no sockets, no background workers).
struct RouteHarness {
    static let adminToken = "route-test-admin-token-0123456789abcdef"
    let store: InMemoryStore
    let transport = RecordingTransport()
    let clock = TestClock()
    var configuration: HeraldConfiguration

    /// A harness whose configuration is `extra` (YAML keys) before the test defaults; `store`
    /// lets two harnesses (two configurations) share one database.
    init(_ extra: String = "", store: InMemoryStore = InMemoryStore()) throws {
        self.store = store
        configuration = try ConfigurationTestLoading.load(
            extra + """

                base_url: https://news.example.org
                admin_token: \(Self.adminToken)
                signup_challenge: "off"
                rate_limit_burst: 1000
                rate_limit_per_minute: 6000
                newsletters:
                  - {slug: news, title: Morning News, description: Every morning}
                  - {slug: daily, title: Дайджест дня, description: Щодня, archive: true}
                """)
    }

    /// Runs `body` against a router built from this harness's configuration.
    func run(_ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        try await store.transaction { tx in
            for newsletter in configuration.newsletters { try await tx.upsertNewsletter(newsletter) }
        }
        let dependencies = HeraldDependencies(
            store: store, templates: try TemplateLibrary(overrides: nil), transport: transport,
            logger: Logger(label: "route-tests"), manageLinkSecret: String(repeating: "k", count: 64),
            now: { [clock] in clock.now })
        let router = try buildRouter(configuration: configuration, dependencies: dependencies)
        try await Application(router: router).test(.router, body)
    }

    /// Mails queued in the outbox so far.
    func queuedMail() async throws -> OutboxSummary {
        try await store.transaction { try await $0.outboxSummary() }
    }
}

extension TestResponse {
    /// The body as UTF-8 text.
    var text: String { String(buffer: body) }
}

/// A settable clock for the router's `now`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Fixtures.now

    var now: Date { lock.withLock { current } }

    func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}
