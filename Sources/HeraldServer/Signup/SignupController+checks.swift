import HeraldChallenge
import HeraldCore

/// The two questions a valid signup may be answered with before anything is stored: "did you
/// mean …?" and "please solve the challenge".
extension SignupController {
    /// A `suggestion` problem when the valid address looks like a typo of a popular mailbox
    /// domain and the reader has not said to keep it. Depends only on the typed text, never on
    /// whether either address is known.
    func typoCheck(_ submission: SignupSubmission, _ email: EmailAddress) -> ProblemList? {
        guard !submission.confirmAddress,
            let suggestion = EmailAddress.suggestion(for: email.typed, policy: validator.emailPolicy)
        else { return nil }
        return ProblemList(problems: [
            SignupFieldProblem(
                field: "email", code: "suggestion",
                message:
                    "Did you mean \(suggestion)? Send the suggested address, or send \(email.typed) again with "
                    + "\"confirm_address\": true to keep it.",
                suggestion: suggestion, confirm: ConfirmHint())
        ])
    }

    /// The field problem for a refused or missing challenge solution.
    func challengeProblem(_ error: ChallengeError) -> ProblemList {
        let message =
            switch error {
            case .missing:
                "This form needs a solved challenge: fetch one from /challenge, solve it and send the payload in the \"altcha\" field."
            case .malformed: "The \"altcha\" field is not a challenge payload."
            case .badSignature: "This challenge was not issued by this server, or it was altered."
            case .notSolved: "The number does not solve the challenge."
            case .expired: "The challenge has expired; fetch a new one from /challenge."
            case .tooEasy: "The challenge was issued with a lower difficulty than is now required; fetch a new one."
            case .reused: "This challenge solution was used already; each one is accepted once."
            }
        return ProblemList(problems: [SignupFieldProblem(field: "altcha", code: error.code, message: message)])
    }
}
