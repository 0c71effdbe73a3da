import HeraldCore
import Logging

extension SignupController {
    /// One info line per accepted signup: what it did, the address's domain (never the address)
    /// and the newsletters asked for.
    func logSignup(_ outcome: SignupOutcome, email: EmailAddress, newsletters: [String], _ logger: Logger) {
        logger.info(
            "signup",
            metadata: [
                "outcome": "\(outcome.rawValue)", "recipient_domain": "\(email.asciiDomain)",
                "newsletters": "\(newsletters.joined(separator: ","))",
            ])
    }

    /// One line per refused signup, by reason. Rate-limited requests are logged at debug only: a
    /// flood of them would otherwise flood the log (`herald_signups_rejected_total` counts them).
    func logRefusal(_ reason: String, _ logger: Logger) {
        let level: Logger.Level = reason == "rate_limited" ? .debug : .info
        logger.log(level: level, "signup refused", metadata: ["reason": "\(reason)"])
    }
}
