import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldApp

/// `bounce_address`, `reminder_hours` and `dkim_selector`: refused values name the key; the
/// reminder must come before the confirmation link expires.
@Suite("Configuration: deliverability")
struct DeliverabilityConfigurationTests {
    @Test func defaultsHaveNoVERPAndADayBeforeTheReminder() {
        let configuration = HeraldConfiguration()
        #expect(configuration.bounceAddress == nil)
        #expect(configuration.signup.reminderAfter == .seconds(24 * 3600))
        #expect(configuration.dkimSelector == nil)
    }

    @Test func valuesAreRead() throws {
        let configuration = try ConfigurationTestLoading.load(
            "bounce_address: bounces@news.example.org\nreminder_hours: 0.01\ndkim_selector: s2025",
            environment: ["HERALD_CONFIRMATION_HOURS": "1"])
        #expect(configuration.bounceAddress?.plain == "bounces@news.example.org")
        #expect(configuration.signup.reminderAfter == .milliseconds(36_000))
        #expect(configuration.dkimSelector == "s2025")
    }

    @Test func zeroTurnsTheReminderOff() throws {
        #expect(try ConfigurationTestLoading.load("reminder_hours: 0").signup.reminderAfter == nil)
    }

    @Test(arguments: [
        (
            "bounce_address: bounces.example.org",
            "herald.yml:1: key 'bounce_address': 'bounces.example.org' is not an address"
        ),
        (
            "bounce_address: b+x@example.org",
            "herald.yml:1: key 'bounce_address': 'b+x@example.org' has a + in its local part"
        ),
        (
            "bounce_address: \(String(repeating: "b", count: 40))@example.org",
            "herald.yml:1: key 'bounce_address': '\(String(repeating: "b", count: 40))@example.org' has a local part over 32 octets"
        ),
        ("reminder_hours: -1", "herald.yml:1: key 'reminder_hours': must be between 0 and 720"),
        ("reminder_hours: soon", "herald.yml:1: key 'reminder_hours': expected a number of hours"),
        ("reminder_hours: nan", "herald.yml:1: key 'reminder_hours': expected a number of hours"),
        ("dkim_selector: 's1;x'", "herald.yml:1: key 'dkim_selector': expected a DNS label"),
        ("reminder_hours: 48", "reminder_hours (48 h) must be shorter than confirmation_hours (48 h)"),
        ("confirmation_hours: 12", "reminder_hours (24 h) must be shorter than confirmation_hours (12 h)"),
    ])
    func badValuesNameTheKey(_ yaml: String, _ expected: String) {
        let message = ConfigurationTestLoading.message(yaml)
        #expect(message.hasPrefix(expected), "\(message)")
    }
}
