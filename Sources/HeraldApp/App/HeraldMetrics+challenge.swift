import HeraldCore
import Prometheus

/// Counters and the gauge of the signup challenge and attack detector.
extension HeraldMetrics {
    /// Counts an issued challenge.
    package func challengeIssued() {
        counter("herald_signup_challenges_issued_total", help: "Signup challenges issued").increment()
    }

    /// Counts the start of an attack state by the limit that was exceeded; sets the gauge to 1.
    package func signupAttack(started reason: String) {
        counter(
            "herald_signup_attacks_total", labels: [("reason", reason)],
            help: "Times signups started to look like an attack, by the rate exceeded (overall, network, domain)"
        ).increment()
        attackGauge().set(Double(1))
    }

    /// Sets the attack gauge back to 0.
    package func signupAttackEnded() {
        attackGauge().set(Double(0))
    }

    private func attackGauge() -> Gauge {
        gauge(
            "herald_signup_under_attack",
            help: "1 while signups look like an attack (challenge required in auto mode, confirmations limited)")
    }
}
