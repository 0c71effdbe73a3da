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

    /// Leases are renewed while a batch is in flight, so a lease shorter than one SMTP
    /// transaction's timeout is allowed.
    @Test func aLeaseShorterThanTheSMTPTimeoutIsAccepted() throws {
        let configuration = try ConfigurationTestLoading.load("outbox_lease_seconds: 10\nsmtp_timeout_seconds: 120")
        #expect(configuration.outboxLeaseSeconds == 10)
        #expect(configuration.smtpTimeoutSeconds == 120)
    }

    @Test(arguments: [
        ("outbox_lease_seconds: 1", "herald.yml:1: key 'outbox_lease_seconds': must be between 2 and 86400"),
        ("outbox_lease_seconds: 86401", "herald.yml:1: key 'outbox_lease_seconds': must be between 2 and 86400"),
        ("outbox_lease_seconds: -5", "herald.yml:1: key 'outbox_lease_seconds': must be between 2 and 86400"),
        ("outbox_lease_seconds: five", "herald.yml:1: key 'outbox_lease_seconds': expected"),
        ("outbox_lease_seconds: \"30\\r\\nx: 1\"", "herald.yml:1: key 'outbox_lease_seconds': expected"),
    ])
    func badValuesNameTheKey(_ yaml: String, _ expected: String) {
        let message = ConfigurationTestLoading.message(yaml)
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
