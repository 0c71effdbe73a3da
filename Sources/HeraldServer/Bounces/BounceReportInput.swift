import Foundation
import HeraldCore

/// Validates the body of `POST /api/v1/bounces`:
/// `{"reports": [{"email"?, "sent_to"?, "kind": "hard|soft|complaint", "diagnostic"?, "occurred_at"?}]}`,
/// each report naming `email` (the recipient), `sent_to` (the VERP address the bounce came back
/// to), or both.
///
/// All or nothing: one bad report refuses the whole request (422, naming `reports[i].field`).
enum BounceReportInput {
    /// The most reports in one request.
    static let maximumReports = 1000
    /// The longest diagnostic accepted, in Unicode scalars (as JSON Schema's `maxLength` counts).
    static let maximumDiagnostic = 1000
    static let reportFields: Set<String> = ["email", "sent_to", "kind", "diagnostic", "occurred_at"]

    static func reports(_ body: AdminRequestBody, now: Date) throws(AdminError) -> [BounceMessage] {
        guard let list = body.members.first(where: { $0.key == "reports" })?.value else {
            throw AdminError.invalid(
                "missing_field", "'reports' is required: a list of {email, kind, diagnostic, occurred_at}.")
        }
        guard case .array(let items) = list else {
            throw AdminError.invalid("invalid_type", "'reports' must be a list.")
        }
        guard !items.isEmpty else {
            throw AdminError.invalid("missing_field", "'reports' must list at least one report.")
        }
        guard items.count <= maximumReports else {
            throw AdminError.invalid("too_many", "'reports' may list at most \(maximumReports) reports per request.")
        }
        var reports: [BounceMessage] = []
        for (index, item) in items.enumerated() { reports.append(try report(item, at: "reports[\(index)]", now: now)) }
        return reports
    }

    private static func report(_ item: JSONValue, at path: String, now: Date) throws(AdminError) -> BounceMessage {
        guard case .object(let members) = item else {
            throw AdminError.invalid("invalid_type", "\(path) must be an object.")
        }
        if let unknown = members.first(where: { !reportFields.contains($0.key) }) {
            throw AdminError.invalid(
                "unknown_field",
                "\(path): unknown field '\(AdminText.preview(unknown.key))'; known fields: "
                    + reportFields.sorted().joined(separator: ", ") + ".")
        }
        func value(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
        let sentTo = try text(value("sent_to"), "\(path).sent_to", required: value("sent_to") != nil, maxLength: 320)
        let email = try text(value("email"), "\(path).email", required: sentTo == nil, maxLength: 320)
        if let email {
            do {
                _ = try EmailAddress(validating: email)
            } catch {
                throw AdminError.invalid(
                    "invalid_email", "\(path).email is not a valid address: \(error.description)")
            }
        }
        let kindName = try text(value("kind"), "\(path).kind", required: true, maxLength: 20)!
        guard let kind = BounceKind(rawValue: kindName) else {
            throw AdminError.invalid("invalid_kind", "\(path).kind must be one of hard, soft, complaint.")
        }
        let diagnostic = try text(
            value("diagnostic"), "\(path).diagnostic", required: false, maxLength: maximumDiagnostic)
        let occurred = try date(value("occurred_at"), "\(path).occurred_at", now: now)
        let report = BounceReport(
            address: email ?? "", kind: kind, source: .api, diagnostic: diagnostic ?? "", occurredAt: occurred)
        return email == nil
            ? BounceMessage(named: [], unnamed: [report], sentTo: [sentTo!])
            : BounceMessage(named: [report], sentTo: sentTo.map { [$0] } ?? [])
    }

    private static func text(_ value: JSONValue?, _ path: String, required: Bool, maxLength: Int) throws(AdminError)
        -> String?
    {
        switch value {
        case nil:
            if required { throw AdminError.invalid("missing_field", "\(path) is required.") }
            return nil
        case .string(let text)?:
            guard !text.isEmpty || !required else {
                throw AdminError.invalid("missing_field", "\(path) must not be empty.")
            }
            guard text.unicodeScalars.count <= maxLength else {
                throw AdminError.invalid("too_long", "\(path) must be at most \(maxLength) characters.")
            }
            guard !text.unicodeScalars.contains(where: AdminText.isForbidden) else {
                throw AdminError.invalid(
                    "invalid_characters", "\(path) must not contain control characters or line breaks.")
            }
            return text
        default:
            throw AdminError.invalid("invalid_type", "\(path) must be a string.")
        }
    }

    /// An RFC 3339 time, not before 2000 nor more than a day ahead; absent means now.
    private static func date(_ value: JSONValue?, _ path: String, now: Date) throws(AdminError) -> Date {
        guard let text = try self.text(value, path, required: false, maxLength: 40) else { return now }
        let parsed =
            (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        guard let date = parsed else {
            throw AdminError.invalid("invalid_date", "\(path) must be an RFC 3339 time such as 2025-06-03T10:15:02Z.")
        }
        guard date >= Date(timeIntervalSince1970: 946_684_800), date <= now.addingTimeInterval(86_400) else {
            throw AdminError.invalid("invalid_date", "\(path) must lie between 2000-01-01 and tomorrow.")
        }
        return date
    }
}
