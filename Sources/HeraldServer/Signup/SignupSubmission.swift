/// The raw fields of a signup as posted by a form or a fetch() call, before validation.
struct SignupSubmission: Equatable {
    var email: String?
    var name: String?
    var newsletters: [String] = []
    var honeypot: String?
    var redirect: String?
    var source: String?
    /// The reader keeps the typed address although a correction was suggested.
    var confirmAddress = false
    /// The solved challenge (ALTCHA payload), from the `altcha` field.
    var challenge: String?
    /// The reader's language (`language`), checked against the newsletters' `languages`.
    var language: String?

    /// Reads a form body; unknown fields are ignored, `newsletter` may repeat.
    static func fromForm(_ fields: [(name: String, value: String)], honeypotField: String) -> SignupSubmission {
        var submission = SignupSubmission()
        for (name, value) in fields {
            switch name {
            case "email": submission.email = value
            case "name": submission.name = value
            case "newsletter", "newsletter[]", "newsletters": submission.newsletters.append(value)
            case "redirect": submission.redirect = value
            case "source": submission.source = value
            case "confirm_address": submission.confirmAddress = ["true", "1", "on", "yes"].contains(value.lowercased())
            case "altcha": submission.challenge = value
            case "language": submission.language = value
            case honeypotField: submission.honeypot = value
            default: continue
            }
        }
        return submission
    }

    /// Reads a JSON object; wrong types are field errors, unknown members are ignored.
    static func fromJSON(_ value: JSONValue, honeypotField: String) -> (SignupSubmission, [SignupFieldProblem]) {
        guard case .object(let members) = value else {
            return (
                SignupSubmission(),
                [SignupFieldProblem(field: "body", code: "invalid_type", message: "Send a JSON object.")]
            )
        }
        var submission = SignupSubmission()
        var problems: [SignupFieldProblem] = []
        func text(_ field: String, _ value: JSONValue) -> String? {
            switch value {
            case .string(let text): return text
            case .null: return nil
            default:
                problems.append(
                    SignupFieldProblem(field: field, code: "invalid_type", message: "\(field) must be a string."))
                return nil
            }
        }
        for (key, value) in members {
            switch key {
            case "email": submission.email = text("email", value)
            case "name": submission.name = text("name", value)
            case "redirect": submission.redirect = text("redirect", value)
            case "source": submission.source = text("source", value)
            case "altcha": submission.challenge = text("altcha", value)
            case "language": submission.language = text("language", value)
            case "confirm_address":
                switch value {
                case .bool(let flag): submission.confirmAddress = flag
                case .null: continue
                default:
                    problems.append(
                        SignupFieldProblem(
                            field: "confirm_address", code: "invalid_type",
                            message: "confirm_address must be true or false."))
                }
            case honeypotField: submission.honeypot = text(honeypotField, value)
            case "newsletter", "newsletters":
                switch value {
                case .string(let slug): submission.newsletters.append(slug)
                case .array(let items):
                    for item in items { if let slug = text("newsletter", item) { submission.newsletters.append(slug) } }
                case .null: continue
                default:
                    problems.append(
                        SignupFieldProblem(
                            field: "newsletter", code: "invalid_type",
                            message: "newsletter must be a string or a list of strings."))
                }
            default: continue
            }
        }
        return (submission, problems)
    }
}

/// One field error, as shown next to the field and returned in JSON.
struct SignupFieldProblem: Equatable, Encodable {
    let field: String
    let code: String
    var message: String
    var suggestion: String? = nil
    /// How to keep the typed address after a suggestion: `{"confirm_address": true}`.
    var confirm: ConfirmHint? = nil
    /// The languages the newsletters offer (with `unknown_language`).
    var offered: [String]? = nil
}

/// The member to send again with a signup to keep the typed address.
struct ConfirmHint: Equatable, Encodable {
    let confirmAddress = true

    enum CodingKeys: String, CodingKey {
        case confirmAddress = "confirm_address"
    }
}
