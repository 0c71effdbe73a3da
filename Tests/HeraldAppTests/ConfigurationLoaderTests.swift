import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldApp

/// Configuration is parsed once, and every bad key stops start-up with a message naming it.
@Suite("Configuration")
struct ConfigurationLoaderTests {
    private func load(_ yaml: String, environment: [String: String] = [:]) throws -> HeraldConfiguration {
        try ConfigurationTestLoading.load(yaml, environment: environment)
    }

    private func message(_ yaml: String, environment: [String: String] = [:]) -> String {
        ConfigurationTestLoading.message(yaml, environment: environment)
    }

    @Test func defaultsNeedNoFile() throws {
        let (configuration, warnings) = try ConfigurationLoader.load(path: nil, environment: [:])
        #expect(configuration.listenHost == "127.0.0.1")
        #expect(configuration.listenPort == 8080)
        #expect(configuration.database == .sqlite(path: "./herald.sqlite"))
        #expect(configuration.newsletters.map(\.slug) == ["news"])
        #expect(warnings.isEmpty)
    }

    @Test func fileValuesAndEnvironmentOverrides() throws {
        let configuration = try load(
            """
            listen: 0.0.0.0:9000
            base_url: https://news.example.org/
            smtp_url: smtp://127.0.0.1:2525
            newsletters:
              - slug: daily
                title: Daily
                time_zone: Europe/Kyiv
            """, environment: ["HERALD_LISTEN": "127.0.0.1:7000", "HERALD_DATABASE_URL": "sqlite:/tmp/x.sqlite"])
        #expect(configuration.listenPort == 7000)
        #expect(configuration.baseURL == "https://news.example.org")
        #expect(configuration.database == .sqlite(path: "/tmp/x.sqlite"))
        #expect(configuration.newsletters.first?.timeZone == "Europe/Kyiv")
    }

    @Test(arguments: [
        ("lisen: 1.2.3.4:80", "herald.yml:1: key 'lisen': unknown key"),
        ("listen: nowhere", "herald.yml:1: key 'listen': expected host:port"),
        ("smtp_pool_size: many", "herald.yml:1: key 'smtp_pool_size': expected a whole number"),
        ("smtp_pool_size: 0", "herald.yml:1: key 'smtp_pool_size': must be between 1 and 64"),
        ("base_url: ftp://x", "herald.yml:1: key 'base_url': expected an http(s) URL"),
        ("database_url: mysql://x", "herald.yml:1: key 'database_url': expected sqlite:PATH"),
        ("admin_token: short", "herald.yml:1: key 'admin_token': admin tokens must be at least 24"),
        ("mail_from: \"a\\r\\nBcc: x@y.org\"", "herald.yml:1: key 'mail_from': must not contain control characters"),
        ("allowed_origins: [https://a.example/path]", "herald.yml:1: key 'allowed_origins': expected an origin"),
        ("newsletters:\n  - title: No slug", "every newsletter needs a slug"),
        ("newsletters:\n  - slug: \"Bad Slug\"", "slugs use a-z, 0-9"),
        ("newsletters:\n  - slug: a\n    time_zone: Mars/Base", "unknown time zone 'Mars/Base'"),
        ("newsletters:\n  - slug: a\n  - slug: a", "duplicate slug 'a'"),
        ("newsletters:\n  - slug: a\n    colour: red", "herald.yml:3: key 'colour': unknown newsletter key"),
        ("newsletters:\n  - slug: a\n    opens: yes please", "key 'opens': expected true or false"),
        ("newsletters:\n  - slug: a\n    opens: \"true\\r\\n\"", "key 'opens': expected true or false"),
        ("newsletters:\n  - slug: a\n    opens: [true]", "key 'opens'"),
        (
            "newsletters:\n  - slug: a\n    tracking: off\n    opens: true",
            "it needs tracking aggregate or per_subscriber"
        ),
        ("newsletters:\n  - slug: a\n    tracking: \"<script>\"", "tracking is aggregate, per_subscriber or off"),
        ("listen: [1, 2", "herald.yml: not valid YAML"),
        ("- just\n- a list", "herald.yml: expected a mapping"),
    ])
    func badValuesNameTheKeyAndLine(yaml: String, expected: String) {
        let text = message(yaml)
        #expect(text.contains(expected), "\(text)")
    }

    @Test func opensAreOffByDefaultAndTurnOnPerNewsletter() throws {
        let configuration = try ConfigurationTestLoading.load(
            "newsletters:\n  - slug: a\n  - slug: b\n    opens: true\n  - slug: c\n    tracking: per_subscriber\n    opens: true"
        )
        #expect(configuration.newsletters.map(\.opens) == [false, true, true])
    }

    @Test func badEnvironmentValueNamesTheVariable() {
        #expect(
            message("", environment: ["HERALD_SMTP_POOL_SIZE": "-1"]).hasPrefix(
                "HERALD_SMTP_POOL_SIZE: must be between"))
    }

    @Test func unknownEnvironmentVariableIsAWarning() throws {
        var configuration = HeraldConfiguration()
        let warnings = try ConfigurationLoader.apply(environment: ["HERALD_LISEN": "x"], to: &configuration)
        #expect(warnings == ["ignoring unknown environment variable HERALD_LISEN"])
    }

    @Test func missingFileIsAClearError() {
        #expect(throws: ConfigurationError.self) {
            _ = try ConfigurationLoader.load(path: "/nonexistent/herald.yml", environment: [:])
        }
    }
}
