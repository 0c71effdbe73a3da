import Foundation
import HeraldApp
import HeraldChallenge
import HeraldCore
import Logging

/// Decides whether a signup must carry a solved challenge, checks it, and spends it once.
///
/// In `always` and `auto` mode an attack detector watches signup rates; while it reports an
/// attack, confirmation mail is limited harder per address, and in `auto` mode a solution is
/// asked for. Switches are logged and counted. `off` turns all of it off.
struct ChallengeGate: Sendable {
    let settings: SignupChallengeSettings
    let signer: ChallengeSigner
    let pressure: SignupPressure
    let spent: SpentChallenges
    let metrics: HeraldMetrics
    let logger: Logger
    let now: @Sendable () -> Date
    /// The confirmation-mail limit under attack, for the log line.
    let mailsPerDayUnderAttack: Int

    init(
        settings: SignupChallengeSettings, secret: String, store: any SubscriberStore, metrics: HeraldMetrics,
        logger: Logger, mailsPerDayUnderAttack: Int, now: @escaping @Sendable () -> Date
    ) {
        self.mailsPerDayUnderAttack = mailsPerDayUnderAttack
        self.settings = settings
        signer = ChallengeSigner(
            secret: secret, difficulty: settings.difficulty, lifetime: .seconds(settings.lifetimeSeconds))
        let scale = Double(settings.windowSeconds) / 60
        pressure = SignupPressure(
            limits: SignupPressure.Limits(
                overall: Double(settings.overallPerMinute) * scale, network: Double(settings.networkPerMinute) * scale,
                domain: Double(settings.domainPerMinute) * scale, window: .seconds(settings.windowSeconds),
                hold: .seconds(settings.holdSeconds)))
        spent = SpentChallenges(store: store)
        self.metrics = metrics
        self.logger = logger
        self.now = now
    }

    /// What one signup attempt is held to.
    struct Verdict: Sendable {
        /// A solved challenge must come with the signup.
        var challengeRequired: Bool
        /// Signups look like an attack: confirmation mail is throttled harder.
        var underAttack: Bool
    }

    /// Counts a signup from `ip` for an address at `domain` and says what it is held to.
    func observe(ip: String, domain: String) -> Verdict {
        guard settings.mode != .off else { return Verdict(challengeRequired: false, underAttack: false) }
        let (attack, change) = pressure.record(network: ClientNetwork.key(for: ip), domain: domain)
        report(change)
        return Verdict(challengeRequired: requires(underAttack: attack), underAttack: attack)
    }

    /// Whether a form shown now should say that a challenge is required (no signup is counted).
    func isRequiredNow() -> Bool {
        guard settings.mode == .auto else { return settings.mode == .always }
        let (attack, change) = pressure.check()
        report(change)
        return attack
    }

    /// Whether pages carry the solver at all.
    var isEnabled: Bool { settings.mode != .off }

    /// A fresh challenge for a solver.
    func issue() -> SignupChallenge {
        metrics.challengeIssued()
        return signer.issue(at: now())
    }

    /// Verifies `payload` and records it as spent; the error says why it is refused.
    func spend(_ payload: String?) async throws -> ChallengeError? {
        let time = now()
        let verified: VerifiedSolution
        do {
            verified = try signer.verify(try ChallengeSolution(payload: payload ?? ""), at: time)
        } catch {
            return error
        }
        let fresh = try await spent.spend(verified.challenge, expiresAt: verified.expiresAt, at: time)
        return fresh ? nil : .reused
    }

    private func requires(underAttack: Bool) -> Bool {
        switch settings.mode {
        case .off: false
        case .always: true
        case .auto: underAttack
        }
    }

    private func report(_ change: SignupPressure.Change?) {
        switch change {
        case .started(let reason, let key, let count):
            metrics.signupAttack(started: reason.rawValue)
            logger.warning(
                "signups look like an attack",
                metadata: [
                    "reason": "\(reason.rawValue)", "key": "\(key)", "signups_in_window": "\(count)",
                    "window_seconds": "\(settings.windowSeconds)", "challenge": "\(requires(underAttack: true))",
                    "confirmations_per_address_per_day": "\(mailsPerDayUnderAttack)",
                ])
        case .ended:
            metrics.signupAttackEnded()
            logger.notice("signup rates are back to normal: attack state ended")
        case nil: break
        }
    }
}
