import HeraldChallenge
import HeraldCore
import HeraldLocalization

/// The `message` of each JSON field error in the reader's language, from the catalog entry
/// `api.<field>.<code>` (a member of the wrong type without its own entry: `api.invalid_type`,
/// naming the member as `{field}`); `field` and `code` never change. A problem whose entry an
/// operator's catalog lacks keeps the English text it was made with.
struct ProblemMessages {
    let messages: LocalizedMessages
    /// The longest name accepted, for `{limit}`.
    let nameLimit: Int

    /// Every catalog key the API uses: each email validation code, and the signup's own checks.
    static let keys: [String] =
        EmailValidationError.Code.allCases.map { "api.email.\($0.rawValue)" } + [
            "api.email.required", "api.email.suggestion", "api.name.too_long", "api.name.invalid_characters",
            "api.newsletter.unknown_newsletter", "api.language.unknown_language", "api.accepted",
            "api.body.invalid_type", "api.invalid_type", "api.confirm_address.invalid_type",
            "api.newsletter.invalid_type",
        ] + ChallengeError.allCases.map { "api.altcha.\($0.code)" }

    /// `problems` with their messages localised; placeholders `{suggestion}`, `{limit}`, `{offered}`.
    func localized(_ problems: [SignupFieldProblem]) -> [SignupFieldProblem] {
        problems.map { problem in
            guard
                let text = messages.text("api.\(problem.field).\(problem.code)")
                    ?? (problem.code == "invalid_type" ? messages.text("api.invalid_type") : nil)
            else { return problem }
            var localized = problem
            localized.message = fill(text, problem)
            return localized
        }
    }

    private func fill(_ text: String, _ problem: SignupFieldProblem) -> String {
        let values = [
            "suggestion": problem.suggestion ?? "", "limit": messages.number(nameLimit),
            "offered": (problem.offered ?? []).joined(separator: ", "), "field": problem.field,
        ]
        return MessagePlaceholders.pieces(text).map { piece in
            switch piece {
            case .text(let text): text
            case .placeholder(let name): values[name] ?? ""
            }
        }.joined()
    }
}
