import HeraldCore

/// The `signup_challenge*` keys.
extension ConfigurationKey {
    static let signupChallenge: [ConfigurationKey] = [
        .init(name: "signup_challenge", help: "off, always or auto (only while signups look like an attack)") {
            c, v throws(ConfigurationError) in
            let text = try v.text()
            guard let mode = SignupChallengeSettings.Mode(rawValue: text) else {
                throw v.fail("one of off, always, auto")
            }
            c.challenge.mode = mode
        },
        .init(name: "signup_challenge_difficulty", help: "largest number a challenge solver tries") {
            c, v throws(ConfigurationError) in
            c.challenge.difficulty = try v.int(in: 10...100_000_000)
        },
        .init(name: "signup_challenge_expiry_seconds", help: "how long an issued challenge stays valid") {
            c, v throws(ConfigurationError) in
            c.challenge.lifetimeSeconds = try v.int(in: 10...86_400)
        },
        .init(name: "signup_challenge_rate_per_minute", help: "signups per minute overall that mean an attack") {
            c, v throws(ConfigurationError) in
            c.challenge.overallPerMinute = try v.int(in: 1...1_000_000)
        },
        .init(name: "signup_challenge_network_rate_per_minute", help: "signups per minute per /24 or /56 network") {
            c, v throws(ConfigurationError) in
            c.challenge.networkPerMinute = try v.int(in: 1...1_000_000)
        },
        .init(name: "signup_challenge_domain_rate_per_minute", help: "signups per minute per recipient domain") {
            c, v throws(ConfigurationError) in
            c.challenge.domainPerMinute = try v.int(in: 1...1_000_000)
        },
        .init(name: "signup_challenge_window_seconds", help: "seconds over which signup rates are measured") {
            c, v throws(ConfigurationError) in
            c.challenge.windowSeconds = try v.int(in: 1...3600)
        },
        .init(name: "signup_challenge_hold_seconds", help: "seconds the attack state outlasts the high rates") {
            c, v throws(ConfigurationError) in
            c.challenge.holdSeconds = try v.int(in: 1...86_400)
        },
    ]
}
