import Foundation
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The console's form to add a subscriber: validated by the admin API's own rules
/// (``AdminSubscriberInput``) and added by the same service call, pending (the confirmation mail
/// goes out through the outbox) or confirmed with a consent note; audited `subscriber.create`.
extension ConsoleController {
    func registerAddSubscriber(on router: Router<HeraldRequestContext>) {
        router.get("/admin/subscribers/new") { request, _ in
            guard let session = try await session(of: request) else { return signInRedirect(request) }
            return ConsoleResponses.html(templates.consoleAddSubscriberPage(addPage(session, form: nil)))
        }
        router.post("/admin/subscribers") { request, _ in
            try await posted(request) { session, form in try await addSubscriber(session, form) }
        }
    }

    private func addPage(
        _ session: ConsoleSession, form: ConsoleForm?, problems: [ConsoleAddSubscriberPage.Field: String] = [:]
    ) -> ConsoleAddSubscriberPage {
        let chosen = Set(
            form?.fields.filter { $0.name == "newsletters" }.map(\.value) ?? newsletters.prefix(1).map(\.slug))
        return ConsoleAddSubscriberPage(
            frame: frame(session), newsletters: newsletters.map { ($0.slug, $0.title) },
            email: String((form?["email"] ?? "").prefix(320)), name: String((form?["name"] ?? "").prefix(100)),
            chosen: chosen, confirmed: form?["status"] == "confirmed",
            consentNote: String((form?["consent_note"] ?? "").prefix(1000)), problems: problems)
    }

    private func addSubscriber(_ session: ConsoleSession, _ form: ConsoleForm) async throws -> Response {
        let refuse = { (field: ConsoleAddSubscriberPage.Field, problem: String) -> Response in
            ConsoleResponses.html(
                templates.consoleAddSubscriberPage(addPage(session, form: form, problems: [field: problem])),
                status: .unprocessableContent)
        }
        let request: AdminAddRequest
        do {
            request = try AdminSubscriberInput.parse(
                Self.requestBody(form), emailPolicy: services.emailPolicy, newsletters: newsletters,
                actor: session.operatorName)
        } catch {
            let (field, problem) = Self.explain(error)
            return refuse(field, problem)
        }
        let subscriber: Subscriber
        do {
            subscriber = try await services.subscriptions.adminAdd(request)
        } catch let error as AdminActionError {
            return refuse(.email, "Not added: \(error.description).")
        }
        return ConsoleResponses.redirect(to: site.baseURL + "/admin/subscribers/\(subscriber.id)?done=added")
    }

    /// The form as the admin API's JSON body: empty fields absent, newsletters a list.
    static func requestBody(_ form: ConsoleForm) -> AdminRequestBody {
        var members: [(key: String, value: JSONValue)] = []
        for name in ["email", "name", "status", "consent_note"] {
            if let value = form.text(name) { members.append((name, .string(value))) }
        }
        let chosen = form.fields.filter { $0.name == "newsletters" }.map { JSONValue.string($0.value) }
        members.append(("newsletters", .array(chosen)))
        return AdminRequestBody(members: members)
    }

    /// Which field an admin API refusal is about, and what to tell the operator.
    static func explain(_ error: AdminError) -> (ConsoleAddSubscriberPage.Field, String) {
        switch error.code {
        case "invalid_email": return (.email, "This is not a valid email address.")
        case "consent_note_required":
            return (.consentNote, "Adding someone as already consented needs a note: where and how they consented.")
        case "unexpected_field":
            return (
                .consentNote,
                "A consent note is only for someone who already consented; leave it empty to send the confirmation mail."
            )
        default:
            let field =
                ConsoleAddSubscriberPage.Field.allCases.first { error.message.contains("'\($0.rawValue)'") } ?? .email
            return (field, error.message)
        }
    }
}
