import HeraldTestSupport
import Testing

@testable import HeraldApp

/// `outbox_lease_seconds`: how long a worker's claim on queued mail lasts.
@Suite("Configuration: outbox lease")
struct OutboxLeaseConfigurationTests {
    @Test func defaultIsFiveMinutesAndReachesTheWorker() throws {
        #expect(HeraldConfiguration().outboxLeaseSeconds == 300)
        let configuration = try ConfigurationTestLoading.load("outbox_lease_seconds: 90\nsmtp_timeout_seconds: 45")
        #expect(configuration.outboxLeaseSeconds == 90)
    }

    @Test(arguments: [
        ("outbox_lease_seconds: 1", "herald.yml:1: key 'outbox_lease_seconds': must be between 2 and 86400"),
        ("outbox_lease_seconds: 86401", "herald.yml:1: key 'outbox_lease_seconds': must be between 2 and 86400"),
        ("outbox_lease_seconds: -5", "herald.yml:1: key 'outbox_lease_seconds': must be between 2 and 86400"),
        ("outbox_lease_seconds: five", "herald.yml:1: key 'outbox_lease_seconds': expected"),
        ("outbox_lease_seconds: \"30\\r\\nx: 1\"", "herald.yml:1: key 'outbox_lease_seconds': expected"),
        ("outbox_lease_seconds: 59", "outbox_lease_seconds (59) must be at least twice smtp_timeout_seconds (30)"),
        (
            "outbox_lease_seconds: 60\nsmtp_timeout_seconds: 31",
            "outbox_lease_seconds (60) must be at least twice smtp_timeout_seconds (31)"
        ),
    ])
    func badValuesNameTheKey(_ yaml: String, _ expected: String) {
        let message = ConfigurationTestLoading.message(yaml)
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
