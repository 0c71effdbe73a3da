import Foundation
import HeraldCore

/// Validates the body of `POST /api/v1/subscribers` into an `AdminAddRequest`.
enum AdminSubscriberInput {
    static func parse(
        _ body: AdminRequestBody, emailPolicy: EmailValidationPolicy, newsletters: [Newsletter], actor: String
    ) throws(AdminError) -> AdminAddRequest {
        let rawEmail = try body.string("email", required: true, maxLength: 320) ?? ""
        let email: EmailAddress
        do {
            email = try EmailAddress(validating: rawEmail, policy: emailPolicy)
        } catch {
            throw AdminError.invalid("invalid_email", "'email' is not a valid address (\(error.code.rawValue)).")
        }
        let name = try body.string("name", maxLength: 100).flatMap { $0.isEmpty ? nil : $0 }
        let slugs = try body.strings("newsletters", maxCount: 20, maxLength: 64) ?? newsletters.prefix(1).map(\.slug)
        guard !slugs.isEmpty else {
            throw AdminError.invalid("missing_field", "'newsletters' must name at least one newsletter.")
        }
        for slug in slugs where !newsletters.contains(where: { $0.slug == slug }) {
            throw AdminError.invalid(
                "unknown_newsletter", "'newsletters' names an unknown newsletter '\(AdminText.preview(slug))'.")
        }
        let note = try body.string("consent_note", maxLength: 1000)?.trimmingCharacters(in: .whitespaces)
        let mode: AdminAddMode
        switch try body.string("status", maxLength: 16) ?? "pending" {
        case "pending":
            guard note == nil else {
                throw AdminError.invalid("unexpected_field", "'consent_note' is only for status confirmed.")
            }
            mode = .pending
        case "confirmed":
            guard let note, !note.isEmpty else {
                throw AdminError.invalid(
                    "consent_note_required",
                    "Adding someone as confirmed needs 'consent_note': where and how they consented.")
            }
            mode = .confirmed(consentNote: note)
        default:
            throw AdminError.invalid("invalid_status", "'status' must be pending or confirmed.")
        }
        let requested = newsletters.filter { slugs.contains($0.slug) }
        return AdminAddRequest(
            email: email, name: name, newsletters: Array(Set(slugs)).sorted(), mode: mode, actor: actor,
            language: try language(body, among: requested))
    }

    /// The `language` field spelled as `newsletters` offer it; nil when absent or null.
    /// - Throws: `unknown_language` (with `field` and `offered`) for any other string, however
    ///   hostile; `invalid_type` for a value that is not a string.
    static func language(_ body: AdminRequestBody, among newsletters: [Newsletter]) throws(AdminError) -> String? {
        switch body.value("language") {
        case nil, .null?: return nil
        case .string(let text)?:
            do {
                return try Newsletter.offeredLanguage(text, among: newsletters)
            } catch {
                throw AdminError.unknownLanguage(error)
            }
        default: throw AdminError.invalid("invalid_type", "'language' must be a string or null.")
        }
    }
}
