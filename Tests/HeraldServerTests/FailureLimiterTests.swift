import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// The failed-authentication limit of the admin API: counting, lockout, expiry, memory bound, and
/// its configuration keys.
@Suite("Admin authentication limit")
struct FailureLimiterTests {
    let start = ContinuousClock.now
    let policy = FailureLimitPolicy(
        maxFailures: 3, window: .seconds(60), lockout: .seconds(120), maxTrackedClients: 100)

    func at(_ seconds: Double) -> ContinuousClock.Instant { start + .milliseconds(Int64(seconds * 1000)) }

    @Test func theNthFailureWithinTheWindowLocksTheClientOutForTheLockout() async {
        let limiter = FailureLimiter(policy: policy)
        #expect(await limiter.recordFailure("203.0.113.9", now: at(0)) == false)
        #expect(await limiter.recordFailure("203.0.113.9", now: at(10)) == false)
        #expect(await limiter.retryAfter("203.0.113.9", now: at(11)) == nil)
        #expect(await limiter.recordFailure("203.0.113.9", now: at(20)) == true)
        #expect(await limiter.retryAfter("203.0.113.9", now: at(20)) == 120)
        #expect(await limiter.retryAfter("203.0.113.9", now: at(139.5)) == 1)
        #expect(await limiter.retryAfter("198.51.100.1", now: at(21)) == nil)  // another client is not affected
        #expect(await limiter.retryAfter("203.0.113.9", now: at(140)) == nil)  // the lockout is over
        #expect(await limiter.recordFailure("203.0.113.9", now: at(141)) == false)  // and counting starts again
    }

    @Test func failuresOlderThanTheWindowNoLongerCount() async {
        let limiter = FailureLimiter(policy: policy)
        await limiter.recordFailure("a", now: at(0))
        await limiter.recordFailure("a", now: at(30))
        #expect(await limiter.recordFailure("a", now: at(61)) == false)  // a new window began
        #expect(await limiter.recordFailure("a", now: at(62)) == false)
        #expect(await limiter.recordFailure("a", now: at(63)) == true)
    }

    @Test func aSuccessClearsTheCountButNotALockout() async {
        let limiter = FailureLimiter(policy: policy)
        await limiter.recordFailure("a", now: at(0))
        await limiter.recordFailure("a", now: at(1))
        await limiter.recordSuccess("a")
        #expect(await limiter.recordFailure("a", now: at(2)) == false)
        #expect(await limiter.trackedClients == 1)
    }

    @Test func memoryStaysWithinTheBoundAndLockoutsOutliveAFloodOfNewClients() async {
        let limiter = FailureLimiter(policy: policy)
        for _ in 0..<3 { await limiter.recordFailure("locked", now: at(0)) }
        for index in 0..<5_000 { await limiter.recordFailure("10.0.\(index / 256).\(index % 256)", now: at(1)) }
        #expect(await limiter.trackedClients == 100)
        #expect(await limiter.retryAfter("locked", now: at(2)) != nil)
        // Once entries expire they are swept rather than evicted one by one.
        await limiter.recordFailure("late", now: at(500))
        #expect(await limiter.trackedClients == 1)
    }

    @Test func hostileClientKeysAreJustKeys() async {
        let limiter = FailureLimiter(policy: policy)
        let keys = [
            "", "unknown", "1.2.3.4\r\nX-Admin: yes", "'; DROP TABLE audit_log; --", "<script>",
            String(repeating: "9", count: 10_000),
        ]
        for key in keys { for _ in 0..<3 { await limiter.recordFailure(key, now: at(0)) } }
        for key in keys { #expect(await limiter.retryAfter(key, now: at(1)) == 119) }
        #expect(await limiter.retryAfter("1.2.3.4", now: at(1)) == nil)
    }

    @Test func defaultsAndKeysFromTheFileAndTheEnvironment() throws {
        #expect(
            HeraldConfiguration().adminAuth
                == FailureLimitPolicy(maxFailures: 10, window: .seconds(300), lockout: .seconds(900)))
        let configuration = try ConfigurationTestLoading.load(
            "admin_auth_max_failures: 5\nadmin_auth_window_seconds: 60",
            environment: ["HERALD_ADMIN_AUTH_LOCKOUT_SECONDS": "3600"])
        #expect(
            configuration.adminAuth == FailureLimitPolicy(maxFailures: 5, window: .seconds(60), lockout: .seconds(3600))
        )
        #expect(HeraldConfiguration().linkGuessing.maxFailures == 20)
        #expect(try ConfigurationTestLoading.load("link_guess_max_failures: 3").linkGuessing.maxFailures == 3)
    }

    @Test(arguments: [
        (
            "admin_auth_max_failures: 0",
            "herald.yml:1: key 'admin_auth_max_failures': must be between 1 and 1000, got 0"
        ),
        ("admin_auth_max_failures: 1001", "must be between 1 and 1000, got 1001"),
        (
            "admin_auth_max_failures: ten",
            "herald.yml:1: key 'admin_auth_max_failures': expected a whole number, got 'ten'"
        ),
        ("admin_auth_max_failures: [1]", "key 'admin_auth_max_failures': expected a string"),
        ("admin_auth_window_seconds: -5", "key 'admin_auth_window_seconds': must be between 1 and 86400, got -5"),
        ("admin_auth_window_seconds: 86401", "must be between 1 and 86400, got 86401"),
        ("admin_auth_lockout_seconds: 0", "key 'admin_auth_lockout_seconds': must be between 1 and 86400, got 0"),
        ("admin_auth_lockout_seconds: \"9e9\"", "expected a whole number, got '9e9'"),
        ("admin_auth_lockout_seconds: 99999999999999999999999", "expected a whole number"),
        ("admin_auth_lockout_seconds: \"60\\r\\nx\"", "expected a whole number"),
        ("link_guess_max_failures: 0", "key 'link_guess_max_failures': must be between 1 and 10000, got 0"),
        ("link_guess_max_failures: 1e9", "key 'link_guess_max_failures': expected a whole number"),
    ])
    func invalidValuesStopStartUpNamingTheKey(_ yaml: String, _ expected: String) {
        #expect(ConfigurationTestLoading.message(yaml).contains(expected))
    }

    @Test func anInvalidEnvironmentValueNamesTheVariable() {
        let message = ConfigurationTestLoading.message(
            "", environment: ["HERALD_ADMIN_AUTH_MAX_FAILURES": "1; rm -rf /"])
        #expect(message.contains("HERALD_ADMIN_AUTH_MAX_FAILURES"))
        #expect(message.contains("expected a whole number"))
    }
}
