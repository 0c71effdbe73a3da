import Foundation
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The console's changes to one subscriber: a subscription's state (confirming needs a consent
/// note), a data export (JSON download) and an erasure after typing the address again. Each goes
/// through the service the admin API uses and is audited under the operator's name.
extension ConsoleController {
    func registerSubscriberActions(on router: Router<HeraldRequestContext>) {
        router.post("/admin/subscribers/:id/subscriptions/:newsletter") { request, context in
            try await posted(request) { try await changeSubscription($0, $1, context) }
        }
        router.post("/admin/subscribers/:id/export") { request, context in
            try await posted(request) { session, _ in try await export(session, context) }
        }
        router.get("/admin/subscribers/:id/erase") { request, context in try await eraseStep(request, context) }
        router.post("/admin/subscribers/:id/erase") { request, context in
            try await posted(request) { try await erase($0, $1, context) }
        }
    }

    private func changeSubscription(_ session: ConsoleSession, _ form: ConsoleForm, _ context: HeraldRequestContext)
        async throws -> Response
    {
        guard let id = pathID(context), let slug = context.parameters.get("newsletter"),
            newsletters.contains(where: { $0.slug == slug })
        else { return notFound("No subscriber or newsletter has this name.") }
        let note = form.text("note")
        let refuse = { (problem: String) async throws -> Response in
            guard
                let page = try await subscriberPage(
                    id: id, session: session,
                    refused: (
                        slug, problem, String((note ?? "").prefix(1000)),
                        form["status"] == "confirmed" ? "confirmed" : nil
                    ))
            else { return notFound("No subscriber has this number.") }
            return ConsoleResponses.html(templates.consoleSubscriberPage(page), status: .unprocessableContent)
        }
        if let note, note.count > 1000 || note.unicodeScalars.contains(where: AdminText.isForbidden) {
            return try await refuse("The note may have up to 1,000 characters and no line breaks.")
        }
        let status: SubscriptionStatus
        switch form["status"] {
        case "confirmed":
            guard note != nil else {
                return try await refuse("Confirming by hand needs a note: where and how the person consented.")
            }
            status = .confirmed
        case "unsubscribed": status = .unsubscribed
        default: return try await refuse("Choose confirmed or unsubscribed.")
        }
        do {
            _ = try await services.subscriptions.adminSetStatus(
                subscriberID: id, newsletter: slug, status: status, note: note, actor: session.operatorName)
        } catch AdminActionError.subscriberNotFound {
            return notFound("No subscriber has this number.")
        } catch let error as AdminActionError {
            return try await refuse("Not changed: \(error.description).")
        }
        return ConsoleResponses.redirect(to: site.baseURL + "/admin/subscribers/\(id)?done=changed")
    }

    private func export(_ session: ConsoleSession, _ context: HeraldRequestContext) async throws -> Response {
        guard let id = pathID(context) else { return notFound("No subscriber has this number.") }
        let data: SubscriberDataExport
        do {
            data = try await services.administration.exportData(subscriberID: id, actor: session.operatorName)
        } catch AdministrationError.subscriberNotFound {
            return notFound("No subscriber has this number.")
        }
        return ConsoleResponses.download(
            AdminJSON.encode(data), contentType: "application/json; charset=utf-8",
            fileName: "subscriber-\(id).json")
    }

    private func eraseStep(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        guard let id = pathID(context),
            let subscriber = try await SubscriberDirectory(store: store).subscriber(id: id)
        else { return notFound("No subscriber has this number.") }
        let page = ConsoleErasePage(frame: frame(session), id: id, email: subscriber.email)
        return ConsoleResponses.html(templates.consoleErasePage(page))
    }

    private func erase(_ session: ConsoleSession, _ form: ConsoleForm, _ context: HeraldRequestContext)
        async throws -> Response
    {
        guard let id = pathID(context),
            let subscriber = try await SubscriberDirectory(store: store).subscriber(id: id)
        else { return notFound("No subscriber has this number.") }
        let typed = form.text("address") ?? ""
        guard typed.lowercased() == subscriber.email.lowercased() else {
            let page = ConsoleErasePage(
                frame: frame(session), id: id, email: subscriber.email, typed: String(typed.prefix(320)),
                mismatch: true)
            return ConsoleResponses.html(templates.consoleErasePage(page), status: .unprocessableContent)
        }
        let receipt: ErasureReceipt
        do {
            receipt = try await services.administration.erase(subscriberID: id, actor: session.operatorName)
        } catch AdministrationError.subscriberNotFound {
            return notFound("No subscriber has this number.")
        }
        receipt.logFailedRewrite(context.logger)
        let notice: ConsoleNotice = if case .failed = receipt.databaseRewrite { .erasedNotRewritten } else { .erased }
        return ConsoleResponses.redirect(to: site.baseURL + "/admin/subscribers?done=" + notice.rawValue)
    }
}
