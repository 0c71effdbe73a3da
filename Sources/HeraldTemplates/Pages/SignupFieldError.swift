/// A problem with one field of a signup form; the message for each lives in `partials/signup_form`.
public enum SignupFieldError: String, Sendable, Hashable, CaseIterable {
    /// The email field was left empty.
    case emailMissing = "email_missing"
    /// The address is not a valid email address ("Please, enter correct email address").
    case emailInvalid = "email_invalid"
    /// The name is longer than allowed.
    case nameTooLong = "name_too_long"
    /// No newsletter was chosen, or the chosen one does not exist.
    case newsletterMissing = "newsletter_missing"
    /// A solved challenge is required and none (or an unreadable one) came: usually no JavaScript.
    case challengeMissing = "challenge_missing"
    /// The challenge was solved too long ago.
    case challengeExpired = "challenge_expired"
    /// The solution was refused (forged, wrong, too easy or used before).
    case challengeFailed = "challenge_failed"

    /// The form field the problem belongs to (`email`, `name`, `newsletter`, `challenge`).
    var field: String {
        switch self {
        case .emailMissing, .emailInvalid: "email"
        case .nameTooLong: "name"
        case .newsletterMissing: "newsletter"
        case .challengeMissing, .challengeExpired, .challengeFailed: "challenge"
        }
    }
}
