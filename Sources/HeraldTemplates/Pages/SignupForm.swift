/// The values of one signup form, shared by the index page, the re-shown form and the token-invalid page.
///
/// Keys: `form_id`; `single` (the newsletter, when the form is for exactly one) or `choices`
/// (checkboxes, when for several); `email`, `name` (as typed); one flag per ``SignupFieldError``
/// (`email_invalid`…), `<field>_error` per field and `has_errors`; `suggestion`; `keep_typed`
/// (the typed address is valid: offer "use the suggestion" and "keep what I typed");
/// `email_described_by` (ids of the messages shown about the email field).
struct SignupForm {
    var id: String
    var choices: [NewsletterChoice]
    var email: String = ""
    var name: String = ""
    var errors: Set<SignupFieldError> = []
    var suggestion: String? = nil
    /// The typed address is valid and only looks like a typo: the reader may keep it.
    var keepTyped = false

    /// Ids of the messages about the email field, for `aria-describedby`.
    private var emailDescribedBy: String {
        var ids: [String] = []
        if errors.contains(where: { $0.field == "email" }) { ids.append("\(id)-email-error") }
        if let suggestion, !suggestion.isEmpty { ids.append("\(id)-email-suggestion") }
        return ids.joined(separator: " ")
    }

    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "form_id": id,
            "single": choices.count == 1 ? choices[0].newsletter.templateValues : nullable(nil),
            "choices": choices.count == 1 ? [] : choices.map(\.templateValues),
            "email": nullable(email),
            "name": nullable(name),
            "has_errors": !errors.isEmpty,
            "suggestion": nullable(suggestion),
            "keep_typed": keepTyped,
        ]
        for error in SignupFieldError.allCases {
            values[error.rawValue] = errors.contains(error)
        }
        for field in ["email", "name", "newsletter", "challenge"] {
            values["\(field)_error"] = errors.contains { $0.field == field }
        }
        values["email_described_by"] = nullable(emailDescribedBy)
        return values
    }
}
