import Foundation
import HeraldApp
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The services behind the console's actions, shared with the admin API and the CLI.
struct ConsoleServices: Sendable {
    let subscriptions: SubscriptionService
    let administration: SubscriberAdministration
    let outboxReview: OutboxReview
    let digestQueue: DigestQueueService
    let issueRetry: DigestIssueRetry
    let imports: ConsoleImportJobs
    let audit: AuditTrail
    /// The largest CSV upload, in bytes (`console_upload_max_bytes`).
    let uploadLimit: Int
    /// Renders a newsletter's next issue without sending or recording anything.
    let digestPreview: @Sendable (Newsletter) async throws -> DigestPreview
    /// The address rules of signups and the admin API.
    let emailPolicy: EmailValidationPolicy
    /// The Settings page's sections, worked out once from the configuration.
    let settings: [ConsoleSettingsPage.Section]
}

/// The fields of a posted console form (the last value of each name).
struct ConsoleForm: Sendable {
    let fields: [(name: String, value: String)]

    subscript(_ name: String) -> String? { fields.last { $0.name == name }?.value }

    /// The value trimmed of surrounding white space; nil when absent or empty.
    func text(_ name: String) -> String? {
        let value = self[name]?.trimmingCharacters(in: .whitespaces) ?? ""
        return value.isEmpty ? nil : value
    }
}

/// A console POST after its checks: a live session and a form whose anti-forgery token is that
/// session's, or the page that refuses it.
enum ConsolePost {
    case accepted(ConsoleSession, ConsoleForm)
    case refused(Response)
}

extension ConsoleController {
    /// Checks a state-changing request: no session → the sign-in page; an unreadable body →
    /// 400; a missing or foreign anti-forgery token → 403. Nothing is changed in any of these.
    func acceptPost(_ incoming: Request) async throws -> ConsolePost {
        guard let session = try await session(of: incoming) else { return .refused(signInRedirect()) }
        var request = incoming
        guard let body = try? await request.collectBody(upTo: maxBodyBytes),
            let fields = try? FormBody.parse(Array(buffer: body))
        else { return .refused(badRequest("The form could not be read. Go back, reload the page and try again.")) }
        let form = ConsoleForm(fields: fields)
        guard csrf.matches(form["csrf"], sessionHash: session.idHash) else { return .refused(forbidden()) }
        return .accepted(session, form)
    }

    /// Runs `handle` with the session and form of an accepted POST; answers the refusal otherwise.
    func posted(
        _ request: Request, _ handle: (ConsoleSession, ConsoleForm) async throws -> Response
    ) async throws -> Response {
        switch try await acceptPost(request) {
        case .refused(let response): return response
        case .accepted(let session, let form): return try await handle(session, form)
        }
    }

    func forbidden() -> Response {
        ConsoleResponses.html(
            templates.errorPage(
                ErrorPage(
                    site: site, status: 403, message: "This form had expired. Go back, reload the page and try again.")),
            status: .forbidden)
    }
}
