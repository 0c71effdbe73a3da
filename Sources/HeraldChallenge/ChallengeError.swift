/// Why a signup challenge solution was refused. Each case has a stable ``code`` for the JSON
/// API and the form page.
public enum ChallengeError: Error, Sendable, Equatable, CaseIterable {
    /// No solution was sent while one is required.
    case missing
    /// The field is not a base64 JSON payload with the expected members.
    case malformed
    /// The algorithm is not SHA-256, or the signature is not Herald's (forged or altered).
    case badSignature
    /// The number does not solve the challenge.
    case notSolved
    /// The challenge was issued too long ago.
    case expired
    /// The challenge was issued with a lower difficulty than now required.
    case tooEasy
    /// This solution was accepted once already.
    case reused

    /// `challenge_required`, `challenge_malformed`, …
    public var code: String {
        switch self {
        case .missing: "challenge_required"
        case .malformed: "challenge_malformed"
        case .badSignature: "challenge_bad_signature"
        case .notSolved: "challenge_not_solved"
        case .expired: "challenge_expired"
        case .tooEasy: "challenge_too_easy"
        case .reused: "challenge_reused"
        }
    }
}
