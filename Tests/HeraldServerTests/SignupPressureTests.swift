import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// The attack detector behind `signup_challenge: auto`: rates overall, per network and per
/// recipient domain; the hold; bounded memory; the networks clients are grouped into; the keys.
@Suite("Signup pressure")
struct SignupPressureTests {
    let start = ContinuousClock.now
    let limits = SignupPressure.Limits(overall: 10, network: 3, domain: 5, window: .seconds(60), hold: .seconds(30))

    func at(_ seconds: Double) -> ContinuousClock.Instant { start.advanced(by: .milliseconds(Int(seconds * 1000))) }

    @Test func aSpreadAttackTripsTheOverallRateAndTheHoldEndsIt() {
        let pressure = SignupPressure(limits: limits, now: start)
        for index in 0..<10 {
            let (attack, change) = pressure.record(network: "net\(index)", domain: "d\(index)", now: at(Double(index)))
            #expect(!attack && change == nil)
        }
        let (attack, change) = pressure.record(network: "net10", domain: "d10", now: at(10))
        #expect(attack && change == .started(.overall, key: "all", count: 11))
        #expect(pressure.record(network: "net11", domain: "d11", now: at(11)) == (true, nil))
        // No more signups: the state lasts the hold after the last excess, then ends once.
        #expect(pressure.check(now: at(40)) == (true, nil))
        #expect(pressure.check(now: at(41)) == (false, .ended))
        #expect(pressure.check(now: at(42)) == (false, nil))
    }

    @Test func oneNetworkAndOneDomainTripTheirOwnLimits() {
        let pressure = SignupPressure(limits: limits, now: start)
        for index in 0..<3 { #expect(!pressure.record(network: "n", domain: "d\(index)", now: at(0)).0) }
        #expect(pressure.record(network: "n", domain: "x", now: at(1)).1 == .started(.network, key: "n", count: 4))
        let other = SignupPressure(limits: limits, now: start)
        for index in 0..<5 { #expect(!other.record(network: "n\(index)", domain: "victim.example", now: at(0)).0) }
        #expect(
            other.record(network: "m", domain: "victim.example", now: at(1)).1
                == .started(.domain, key: "victim.example", count: 6))
    }

    @Test func ratesSlideOutOfTheWindow() {
        let pressure = SignupPressure(limits: limits, now: start)
        for second in 0..<10 {
            _ = pressure.record(network: "n\(second)", domain: "d\(second)", now: at(Double(second)))
        }
        // Two windows later every earlier signup has slid out.
        for second in 0..<10 {
            #expect(!pressure.record(network: "m\(second)", domain: "e\(second)", now: at(121 + Double(second))).0)
        }
    }

    @Test func memoryStaysBoundedUnderAVeryWideSpread() {
        let wide = SignupPressure.Limits(overall: 1e9, network: 3, domain: 1e9, window: .seconds(60), hold: .seconds(1))
        let pressure = SignupPressure(limits: wide, maxKeys: 100, now: start)
        for index in 0..<1000 { #expect(!pressure.record(network: "n\(index)", domain: "d", now: at(0)).0) }
    }

    @Test(arguments: [
        ("203.0.113.77", "203.0.113.0/24"), ("203.0.113.1", "203.0.113.0/24"), ("::ffff:203.0.113.9", "203.0.113.0/24"),
        ("2001:db8:0:ab12::1", "2001:db8:0:ab00::/56"), ("2001:db8:0:abff:ffff::7", "2001:db8:0:ab00::/56"),
        ("2001:db8::", "2001:db8:0:0::/56"), ("::1", "0:0:0:0::/56"), ("unknown", "unknown"), ("1.2.3", "1.2.3"),
        ("2001:db8:::1", "2001:db8:::1"), ("999.1.1.1", "999.1.1.1"),
    ])
    func clientsAreGroupedByNetwork(_ ip: String, _ expected: String) {
        #expect(ClientNetwork.key(for: ip) == expected)
    }

    @Test func challengeKeysAreReadAndCheckedLikeEveryOther() throws {
        let configuration = try ConfigurationTestLoading.load(
            """
            signup_challenge: always
            signup_challenge_difficulty: 250000
            signup_challenge_expiry_seconds: 300
            signup_challenge_rate_per_minute: 120
            signup_challenge_network_rate_per_minute: 20
            signup_challenge_domain_rate_per_minute: 40
            signup_challenge_window_seconds: 30
            """, environment: ["HERALD_SIGNUP_CHALLENGE_HOLD_SECONDS": "900"])
        var expected = SignupChallengeSettings()
        expected.mode = .always
        expected.difficulty = 250_000
        expected.lifetimeSeconds = 300
        expected.overallPerMinute = 120
        expected.networkPerMinute = 20
        expected.domainPerMinute = 40
        expected.windowSeconds = 30
        expected.holdSeconds = 900
        #expect(configuration.challenge == expected)
        #expect(HeraldConfiguration().challenge.mode == .auto)
        #expect(try ConfigurationTestLoading.load("signup_challenge: off").challenge.mode == .off)
        #expect(
            ConfigurationTestLoading.message("signup_challenge: sometimes").contains(
                "key 'signup_challenge': one of off, always, auto"))
        #expect(ConfigurationTestLoading.message("signup_challenge_difficulty: 5").contains("between 10 and"))
    }
}
