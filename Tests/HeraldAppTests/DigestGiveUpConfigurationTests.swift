import HeraldCore
import HeraldTestSupport
import Testing

@testable import HeraldApp

/// `digest_give_up_after`: attempts at one digest delivery over every run before it is recorded failed.
@Suite("Configuration: digest give-up")
struct DigestGiveUpConfigurationTests {
    @Test func defaultIsTwelveAttemptsAsTheSendOptionsDefault() throws {
        #expect(HeraldConfiguration().digestGiveUpAfter == 12)
        #expect(HeraldConfiguration().digestGiveUpAfter == DigestSendOptions().giveUpAfter)
        #expect(try ConfigurationTestLoading.load("digest_give_up_after: 3").digestGiveUpAfter == 3)
        #expect(try ConfigurationTestLoading.load("digest_give_up_after: 1").digestGiveUpAfter == 1)
        #expect(try ConfigurationTestLoading.load("digest_give_up_after: 1000").digestGiveUpAfter == 1000)
    }

    @Test(arguments: [
        ("digest_give_up_after: 0", "herald.yml:1: key 'digest_give_up_after': must be between 1 and 1000"),
        ("digest_give_up_after: -3", "herald.yml:1: key 'digest_give_up_after': must be between 1 and 1000"),
        ("digest_give_up_after: 1001", "herald.yml:1: key 'digest_give_up_after': must be between 1 and 1000"),
        (
            "digest_give_up_after: 99999999999999999999999",
            "herald.yml:1: key 'digest_give_up_after': expected a whole number"
        ),
        ("digest_give_up_after: 2.5", "herald.yml:1: key 'digest_give_up_after': expected a whole number"),
        ("digest_give_up_after: twelve", "herald.yml:1: key 'digest_give_up_after': expected a whole number"),
        ("digest_give_up_after: [3]", "herald.yml:1: key 'digest_give_up_after': expected a string"),
    ])
    func badValuesNameTheKey(_ yaml: String, _ expected: String) {
        let message = ConfigurationTestLoading.message(yaml)
        #expect(message.hasPrefix(expected), "\(message)")
    }

    @Test func theEnvironmentVariableIsCheckedTheSameWay() throws {
        let set = try ConfigurationTestLoading.load("", environment: ["HERALD_DIGEST_GIVE_UP_AFTER": "20"])
        #expect(set.digestGiveUpAfter == 20)
        let message = ConfigurationTestLoading.message("", environment: ["HERALD_DIGEST_GIVE_UP_AFTER": "0"])
        #expect(message.hasPrefix("HERALD_DIGEST_GIVE_UP_AFTER: must be between 1 and 1000"), "\(message)")
    }
}
