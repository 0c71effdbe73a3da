import HTTPTypes
import HeraldApp
import HeraldCore
import HeraldTemplates
import Hummingbird
import Logging

/// `GET /confirm/{token}` shows one button (link scanners fetch GETs, so GET never confirms);
/// `POST /confirm/{token}` confirms.
struct ConfirmController: Sendable {
    let service: SubscriptionService
    let pages: PageRenderer
    let clients: ClientAddressResolver
    let metrics: HeraldMetrics

    func register(on router: Router<HeraldRequestContext>) {
        router.get("/confirm/{token}") { request, context in try await show(request, context) }
        router.post("/confirm/{token}") { request, context in try await confirm(request, context) }
    }

    private func secret(_ context: HeraldRequestContext) -> TokenSecret? {
        context.parameters.get("token").flatMap(TokenSecret.init(parsing:))
    }

    private func show(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        guard let secret = secret(context) else { return invalid(.unknown, request) }
        switch try await service.previewConfirmation(secret) {
        case .invalid(let problem): return invalid(problem, request)
        case .confirmed(let preview):
            let newsletter = preview.newsletters.first ?? pages.newsletters[0]
            let language = pages.languages.of(request, for: newsletter)
            let page = ConfirmPage(
                site: pages.site(language: language), newsletter: newsletter,
                confirmURL: pages.url("/confirm/\(secret.text)?lang=\(language)"), email: preview.subscriber.email)
            return Responses.html(pages.templates.confirmPage(page))
        }
    }

    private func confirm(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        guard let secret = secret(context) else { return invalid(.unknown, request) }
        let origin = RequestOrigin(
            ipAddress: clients.clientIP(peer: context.remoteAddress, headers: request.headers),
            userAgent: request.headers[.userAgent].map { String($0.prefix(512)) }, source: "confirmation link")
        // The link in the confirmation mail names the language the reader signed up in.
        let language = pages.languages.offered(request.uri.queryParameters.get("lang"))
        switch try await service.confirm(secret, origin: origin, language: language) {
        case .invalid(let problem): return invalid(problem, request)
        case .confirmed(let preview):
            metrics.confirmations(preview.newlyConfirmed.count)
            logConfirmation(preview, context.logger)
            let newsletter = preview.newsletters.first ?? pages.newsletters[0]
            let token = service.manageToken(subscriberID: preview.subscriber.id, newsletter: newsletter.slug)
            let page = ConfirmedPage(
                site: pages.site(language: pages.languages.of(request, for: newsletter)), newsletter: newsletter,
                preferencesURL: pages.url("/preferences/\(token)"))
            return Responses.html(pages.templates.confirmedPage(page))
        }
    }

    /// One line per confirmation: info when it changed something, debug for a repeat.
    private func logConfirmation(_ preview: ConfirmationPreview, _ logger: Logger) {
        let domain = LogRedaction.domain(of: preview.subscriber.email)
        if preview.newlyConfirmed.isEmpty {
            logger.debug("confirmation repeated; nothing changed", metadata: ["recipient_domain": "\(domain)"])
        } else {
            logger.info(
                "subscription confirmed",
                metadata: [
                    "recipient_domain": "\(domain)", "newsletters": "\(preview.newlyConfirmed.joined(separator: ","))",
                ])
        }
    }

    private func invalid(_ problem: LinkProblem, _ request: Request) -> Response {
        Responses.html(
            pages.tokenInvalid(problem, language: pages.languages.of(request)),
            status: problem == .unknown ? .notFound : .gone)
    }
}
