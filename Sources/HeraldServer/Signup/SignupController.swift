import Foundation
import HTTPTypes
import HeraldApp
import HeraldChallenge
import HeraldCore
import HeraldLocalization
import HeraldTemplates
import Hummingbird
import Logging

/// `POST /subscribe` (form or JSON), its CORS preflight and the thank-you page.
///
/// Every accepted signup gets the same response, whatever state the address was in, so no
/// response tells an outsider whether an address is subscribed.
struct SignupController: Sendable {
    let service: SubscriptionService
    let validator: SignupValidator
    let pages: PageRenderer
    let web: WebPolicy
    let cors: CORSPolicy
    let rateLimiter: RateLimiter
    let clients: ClientAddressResolver
    let metrics: HeraldMetrics
    let gate: ChallengeGate

    func register(on router: Router<HeraldRequestContext>) {
        router.post("/subscribe") { request, context in try await subscribe(request, context) }
        router.on("/subscribe", method: .options) { request, _ in cors.preflight(request) }
        router.get("/thanks") { request, _ in thankYou(request) }
    }

    private func subscribe(_ incoming: Request, _ context: HeraldRequestContext) async throws -> Response {
        var request = incoming
        let client = ClientKind(request)
        let corsHeaders = cors.headers(for: request)
        let ip = clients.clientIP(peer: context.remoteAddress, headers: request.headers)
        if let retryAfter = await rateLimiter.take(ip) {
            metrics.signupRejected("rate_limited")
            logRefusal("rate_limited", context.logger)
            return refusal(
                .tooManyRequests, "rate_limited", reason: .signups, request, client,
                corsHeaders.adding(.retryAfter, "\(retryAfter)"))
        }
        let body: [UInt8]
        do {
            body = Array(buffer: try await request.collectBody(upTo: web.maxBodyBytes))
        } catch {
            metrics.signupRejected("too_large")
            logRefusal("too_large", context.logger)
            return refusal(.contentTooLarge, "too_large", request, client, corsHeaders)
        }
        let submission: SignupSubmission
        switch decode(body, request) {
        case .success(let decoded): submission = decoded
        case .failure(let problems):
            metrics.signupRejected("malformed")
            logRefusal("malformed", context.logger)
            let wellFormed = problems.problems.allSatisfy { $0.code == "invalid_type" }
            return invalid(
                problems, SignupSubmission(), request, client, corsHeaders,
                status: wellFormed ? .unprocessableContent : .badRequest)
        }
        return try await accept(
            submission, request: request, ip: ip, client: client, corsHeaders: corsHeaders, logger: context.logger)
    }

    private func accept(
        _ submission: SignupSubmission, request: Request, ip: String, client: ClientKind, corsHeaders: HTTPFields,
        logger: Logger
    ) async throws -> Response {
        if let honeypot = submission.honeypot, !honeypot.isEmpty {
            metrics.signupRejected("honeypot")
            logRefusal("honeypot", logger)
            return success(submission, request, client, corsHeaders)
        }
        switch validator.validate(submission) {
        case .failure(let list):
            metrics.signupRejected("invalid")
            logRefusal("invalid", logger)
            return invalid(list, submission, request, client, corsHeaders, status: .unprocessableContent)
        case .success(let (email, name, slugs, language)):
            if let typo = typoCheck(submission, email) {
                metrics.signupRejected("suggestion")
                return invalid(typo, submission, request, client, corsHeaders, status: .unprocessableContent)
            }
            let verdict = gate.observe(ip: ip, domain: email.asciiDomain)
            if verdict.challengeRequired, let refusal = try await gate.spend(submission.challenge) {
                metrics.signupRejected(refusal.code)
                return invalid(
                    challengeProblem(refusal), submission, request, client, corsHeaders, status: .unprocessableContent)
            }
            let origin = RequestOrigin(
                ipAddress: ip, userAgent: request.headers[.userAgent].map { String($0.prefix(512)) },
                source: (submission.source ?? request.headers[.referer]).map { String($0.prefix(1024)) })
            let outcome = try await service.signUp(
                SignupRequest(
                    email: email, name: name, newsletters: slugs, origin: origin, underAttack: verdict.underAttack,
                    language: language))
            metrics.signup(outcome)
            logSignup(outcome, email: email, newsletters: slugs, logger)
            return success(submission, request, client, corsHeaders)
        }
    }

    private func decode(_ body: [UInt8], _ request: Request) -> Result<SignupSubmission, ProblemList> {
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        if contentType.hasPrefix("application/json") {
            do {
                let (submission, problems) = SignupSubmission.fromJSON(
                    try StrictJSON.parse(body), honeypotField: web.honeypotField)
                return problems.isEmpty ? .success(submission) : .failure(ProblemList(problems: problems))
            } catch {
                return .failure(
                    ProblemList(problems: [
                        SignupFieldProblem(
                            field: "body", code: "malformed_json",
                            message: "The JSON body is malformed: \(error.reason).")
                    ]))
            }
        }
        do {
            return .success(SignupSubmission.fromForm(try FormBody.parse(body), honeypotField: web.honeypotField))
        } catch {
            return .failure(
                ProblemList(problems: [
                    SignupFieldProblem(
                        field: "body", code: "malformed_form", message: "The form could not be read: \(error.reason).")
                ]))
        }
    }

    private func success(
        _ submission: SignupSubmission, _ request: Request, _ client: ClientKind, _ corsHeaders: HTTPFields
    ) -> Response {
        switch client {
        case .api:
            let messages = pages.templates.catalogs.messages(for: language(submission, request))
            return Responses.json(
                SignupAccepted(message: messages.text("api.accepted") ?? "api.accepted"), status: .accepted,
                headers: corsHeaders)
        case .browser:
            if let redirect = submission.redirect, cors.isAllowedRedirect(redirect) {
                return Responses.redirect(to: redirect, headers: corsHeaders)
            }
            let slugs = validator.knownSlugs(submission.newsletters)
            var query = slugs.map { "newsletter=\($0)" }.joined(separator: "&")
            if let language = pages.languages.offered(submission.language) {
                query += (query.isEmpty ? "" : "&") + "lang=\(language)"
            }
            return Responses.redirect(to: "/thanks" + (query.isEmpty ? "" : "?" + query), headers: corsHeaders)
        }
    }

    private func invalid(
        _ list: ProblemList, _ submission: SignupSubmission, _ request: Request, _ client: ClientKind,
        _ corsHeaders: HTTPFields,
        status: HTTPResponse.Status
    ) -> Response {
        switch client {
        case .api:
            let messages = ProblemMessages(
                messages: pages.templates.catalogs.messages(for: language(submission, request)),
                nameLimit: SignupValidator.maxNameLength)
            return Responses.json(
                ErrorBody(errors: messages.localized(list.problems)), status: status, headers: corsHeaders)
        case .browser:
            return Responses.html(
                pages.signupForm(submission, problems: list.problems, language: language(submission, request)),
                status: status, headers: corsHeaders)
        }
    }

    /// A refusal before the form is read, in the request's language (the page's or JSON's text
    /// from the catalogs' `error.*`).
    private func refusal(
        _ status: HTTPResponse.Status, _ code: String, reason: ErrorPage.Reason? = nil, _ request: Request,
        _ client: ClientKind, _ headers: HTTPFields
    ) -> Response {
        let language = pages.languages.of(request)
        switch client {
        case .api:
            let message = pages.errorMessage(status: Int(status.code), reason: reason, language: language)
            return Responses.json(ErrorBody.general(code, message), status: status, headers: headers)
        case .browser:
            return Responses.html(
                pages.error(status: Int(status.code), reason: reason, language: language), status: status,
                headers: headers)
        }
    }

    private func thankYou(_ request: Request) -> Response {
        let slugs = request.uri.queryParameters.getAll("newsletter").map { String($0) }
        return Responses.html(pages.thankYou(slugs: validator.knownSlugs(slugs), language: pages.languages.of(request)))
    }

    /// The language a re-shown form is written in: the one it was submitted in, else the request's.
    private func language(_ submission: SignupSubmission, _ request: Request) -> String {
        pages.languages.offered(submission.language) ?? pages.languages.of(request)
    }
}

/// The JSON body of an accepted signup (identical for every address state); `message` is the
/// catalog's `api.accepted` in the reader's language.
struct SignupAccepted: Encodable {
    var status = "accepted"
    let message: String

    init(message: String) {
        self.message = message
    }
}

extension HTTPFields {
    func adding(_ name: HTTPField.Name, _ value: String) -> HTTPFields {
        var copy = self
        copy[name] = value
        return copy
    }
}

extension SignupValidator {
    /// The slugs among `raw` that are configured, or the default newsletter when none is.
    func knownSlugs(_ raw: [String]) -> [String] {
        let known = raw.filter { slug in newsletters.contains { $0.slug == slug } }
        return known.isEmpty ? newsletters.prefix(1).map(\.slug) : Array(known.prefix(SignupValidator.maxNewsletters))
    }
}
