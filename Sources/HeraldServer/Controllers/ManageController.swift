import HTTPTypes
import HeraldApp
import HeraldCore
import HeraldTemplates
import Hummingbird

/// Unsubscribe (`GET` page with a button, `POST` at once — the RFC 8058 one-click target)
/// and the preferences page.
struct ManageController: Sendable {
    let service: SubscriptionService
    let pages: PageRenderer
    let clients: ClientAddressResolver
    let metrics: HeraldMetrics
    let maxBodyBytes: Int

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/unsubscribe/{token}") { request, context in try await showUnsubscribe(request, context) }
        router.post("/unsubscribe/{token}") { request, context in try await unsubscribe(request, context) }
        router.get("/preferences/{token}") { request, context in
            try await showPreferences(request, context, saved: false)
        }
        router.post("/preferences/{token}") { request, context in try await savePreferences(request, context) }
    }

    private func token(_ context: HeraldRequestContext) -> String { context.parameters.get("token") ?? "" }

    private func origin(_ request: Request, _ context: HeraldRequestContext, _ source: String) -> RequestOrigin {
        RequestOrigin(
            ipAddress: clients.clientIP(peer: context.remoteAddress, headers: request.headers),
            userAgent: request.headers[.userAgent].map { String($0.prefix(512)) }, source: source)
    }

    private func showUnsubscribe(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        let token = token(context)
        guard let (subscriber, newsletter) = try await service.resolveManageToken(token) else { return notFound() }
        let page = UnsubscribePage(
            site: pages.site(language: pages.languages.of(request, for: newsletter)), newsletter: newsletter,
            unsubscribeURL: pages.url("/unsubscribe/\(token)"),
            email: subscriber.email)
        return Responses.html(pages.templates.unsubscribePage(page))
    }

    private func unsubscribe(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        let token = token(context)
        guard
            let newsletter = try await service.unsubscribe(
                token: token, origin: origin(request, context, "unsubscribe link"))
        else { return notFound() }
        metrics.unsubscribe()
        let page = UnsubscribedPage(
            site: pages.site(language: pages.languages.of(request, for: newsletter)), newsletter: newsletter,
            preferencesURL: pages.url("/preferences/\(token)"))
        return Responses.html(pages.templates.unsubscribedPage(page))
    }

    private func showPreferences(_ request: Request, _ context: HeraldRequestContext, saved: Bool) async throws
        -> Response
    {
        let token = token(context)
        guard let view = try await service.preferences(token: token) else { return notFound() }
        return Responses.html(render(view, token: token, saved: saved))
    }

    /// Saves the ticked newsletters and the chosen language together: a language their newsletters
    /// do not offer refuses the whole form (422, the field error, nothing changed). The page answers
    /// in the language now stored.
    private func savePreferences(_ incoming: Request, _ context: HeraldRequestContext) async throws -> Response {
        var request = incoming
        let token = token(context)
        guard let body = try? await request.collectBody(upTo: maxBodyBytes),
            let fields = try? FormBody.parse(Array(buffer: body))
        else {
            return Responses.html(pages.error(status: 400, language: pages.languages.of(request)), status: .badRequest)
        }
        let unsubscribeAll = fields.contains { $0.name == "action" && $0.value == "unsubscribe_all" }
        let keep = unsubscribeAll ? [] : Set(fields.filter { $0.name == "newsletter" }.map(\.value))
        let language = fields.first { $0.name == "language" }.map(\.value).flatMap { $0.isEmpty ? nil : $0 }
        do {
            guard
                let view = try await service.savePreferences(
                    token: token, keep: keep, language: unsubscribeAll ? nil : language,
                    origin: origin(request, context, "preferences page"))
            else { return notFound() }
            return Responses.html(render(view, token: token, saved: true))
        } catch is UnknownLanguageError {
            guard let view = try await service.preferences(token: token) else { return notFound() }
            return Responses.html(
                render(view, token: token, saved: false, unknownLanguage: true), status: .unprocessableContent)
        }
    }

    /// The page in the subscriber's language (the stored one when offered, else their newsletter's).
    private func render(_ view: PreferencesView, token: String, saved: Bool, unknownLanguage: Bool = false) -> String {
        let choices = view.entries.map { NewsletterChoice($0.newsletter, selected: $0.status == .confirmed) }
        return pages.templates.preferencesPage(
            PreferencesPage(
                site: pages.site(language: view.language), email: view.subscriber.email, newsletters: choices,
                preferencesURL: pages.url("/preferences/\(token)"), saved: saved,
                languages: view.languages.count > 1 || unknownLanguage ? view.languages : [],
                unknownLanguage: unknownLanguage))
    }

    private func notFound() -> Response {
        Responses.html(pages.tokenInvalid(.unknown, language: pages.languages.fallback), status: .notFound)
    }
}
