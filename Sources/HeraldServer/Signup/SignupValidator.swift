import HeraldCore

/// Turns a raw submission into a `SignupRequest` or the field errors to show.
struct SignupValidator: Sendable {
    let newsletters: [Newsletter]
    let emailPolicy: EmailValidationPolicy

    static let maxNameLength = 100
    static let maxNewsletters = 50

    /// Validated email, name, newsletter slugs and language (`nil`: the newsletter's); or every problem found.
    func validate(_ submission: SignupSubmission) -> Result<(EmailAddress, String?, [String], String?), ProblemList> {
        var problems: [SignupFieldProblem] = []
        var email: EmailAddress?
        let typed = submission.email ?? ""
        if typed.allSatisfy(\.isWhitespace) {
            problems.append(
                SignupFieldProblem(field: "email", code: "required", message: "Please, enter your email address."))
        } else {
            do {
                email = try EmailAddress(validating: typed, policy: emailPolicy)
            } catch {
                problems.append(
                    SignupFieldProblem(
                        field: "email", code: error.code.rawValue, message: error.message, suggestion: error.suggestion)
                )
            }
        }
        let name = validateName(submission.name, into: &problems)
        let slugs = validateNewsletters(submission.newsletters, into: &problems)
        let language = validateLanguage(submission.language, slugs: slugs, into: &problems)
        guard problems.isEmpty, let email else { return .failure(ProblemList(problems: problems)) }
        return .success((email, name, slugs, language))
    }

    /// The languages the newsletters `slugs` offer, the first newsletter's default first.
    func offeredLanguages(_ slugs: [String]) -> [String] {
        var offered: [String] = []
        for newsletter in newsletters where slugs.contains(newsletter.slug) {
            for language in [newsletter.language] + newsletter.languages where !offered.contains(language) {
                offered.append(language)
            }
        }
        return offered
    }

    /// `raw` when the newsletters `slugs` offer it; `nil` (their own language) when absent or when
    /// only another newsletter offers it; else a field error listing what they offer.
    private func validateLanguage(_ raw: String?, slugs: [String], into problems: inout [SignupFieldProblem])
        -> String?
    {
        guard let raw, !raw.isEmpty, !slugs.isEmpty else { return nil }
        let offered = offeredLanguages(slugs)
        guard let match = offered.first(where: { $0.lowercased() == raw.lowercased() }) else {
            // A page in another newsletter's language (the demo page lists every form): known, so
            // the newsletter writes in its own language.
            let known = offeredLanguages(newsletters.map(\.slug))
            if known.contains(where: { $0.lowercased() == raw.lowercased() }) { return nil }
            problems.append(
                SignupFieldProblem(
                    field: "language", code: "unknown_language",
                    message: "Please, choose one of the languages offered: \(offered.joined(separator: ", ")).",
                    offered: offered))
            return nil
        }
        return match
    }

    private func validateName(_ raw: String?, into problems: inout [SignupFieldProblem]) -> String? {
        guard let raw else { return nil }
        let name = raw.trimmingWhitespace()
        if name.isEmpty { return nil }
        if name.count > Self.maxNameLength {
            problems.append(
                SignupFieldProblem(
                    field: "name", code: "too_long",
                    message: "Please, keep your name under \(Self.maxNameLength) characters."))
        } else if name.unicodeScalars.contains(where: Self.isForbiddenInName) {
            problems.append(
                SignupFieldProblem(
                    field: "name", code: "invalid_characters", message: "Your name contains characters we cannot use."))
        }
        return name
    }

    private static func isForbiddenInName(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return false
        }
    }

    private func validateNewsletters(_ raw: [String], into problems: inout [SignupFieldProblem]) -> [String] {
        guard !raw.isEmpty else { return newsletters.first.map { [$0.slug] } ?? [] }
        var slugs: [String] = []
        for slug in raw.prefix(Self.maxNewsletters) where !slugs.contains(slug) {
            guard newsletters.contains(where: { $0.slug == slug }) else {
                problems.append(
                    SignupFieldProblem(
                        field: "newsletter", code: "unknown_newsletter",
                        message: "Please, choose one of our newsletters."))
                return []
            }
            slugs.append(slug)
        }
        return slugs
    }
}

/// Field problems as an `Error`, for `Result`.
struct ProblemList: Error, Equatable {
    let problems: [SignupFieldProblem]
}
