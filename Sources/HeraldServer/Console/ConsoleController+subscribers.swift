import Foundation
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The console's subscriber pages: a search by part of the address, newsletter and state with
/// keyset pagination (signed cursors), and one subscriber's subscriptions, consent history and
/// suppression. Read-only.
extension ConsoleController {
    static let pageSize = 50

    func registerSubscribers(on router: Router<HeraldRequestContext>) {
        router.get("/admin/subscribers") { request, _ in try await subscribers(request) }
        router.get("/admin/subscribers/:id") { request, context in try await subscriber(request, context) }
    }

    private func subscribers(_ request: Request) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        guard let search = subscriberSearch(request) else {
            return badRequest("The search could not be read: use the form to search again.")
        }
        let listings = try await SubscriberDirectory(store: store).search(search)
        let found = listings.map(\.subscriber)
        let rows = listings.map { listing in
            let subscriber = listing.subscriber
            return ConsoleSubscribersPage.Row(
                id: subscriber.id, email: subscriber.email, name: subscriber.name,
                subscriptions: listing.subscriptions.map {
                    "\(title(of: $0.newsletter)): \($0.status.rawValue)"
                }
                .joined(separator: "; "),
                since: ConsoleDates.day(subscriber.createdAt))
        }
        let next = found.count == search.limit ? found.last.map { nextPageURL(request, after: $0.id) } : nil
        let page = ConsoleSubscribersPage(
            frame: frame(session), query: search.addressContains ?? "", newsletter: search.newsletter,
            from: request.uri.queryParameters.get("from") ?? "",
            to: request.uri.queryParameters.get("to") ?? "",
            status: search.status?.rawValue, newsletters: newsletters, rows: rows, nextURL: next,
            notice: request.uri.queryParameters.get("done").flatMap(ConsoleNotice.init(rawValue:)))
        return ConsoleResponses.html(templates.consoleSubscribersPage(page))
    }

    /// The search the query string asks for; nil when a value is malformed (unknown newsletter or
    /// state, control characters, overlong text, a forged cursor).
    private func subscriberSearch(_ request: Request) -> SubscriberSearch? {
        let query = request.uri.queryParameters
        func value(_ name: String, max: Int) -> String?? {
            guard let raw = query.getAll(name).last.map({ String($0) }), !raw.isEmpty else { return .some(nil) }
            guard raw.count <= max, !raw.unicodeScalars.contains(where: AdminText.isForbidden) else { return nil }
            return .some(raw)
        }
        guard let text = value("q", max: 254), let slug = value("newsletter", max: 64),
            let state = value("status", max: 32), let cursor = value("after", max: 128),
            let fromDay = value("from", max: 10), let toDay = value("to", max: 10)
        else { return nil }
        let from = fromDay.map(AdminDates.day)
        let to = toDay.map(AdminDates.day)
        if case .some(.none) = from { return nil }
        if case .some(.none) = to { return nil }
        if let slug, !newsletters.contains(where: { $0.slug == slug }) { return nil }
        let status = state.map { SubscriptionStatus(rawValue: $0) }
        if case .some(.none) = status { return nil }
        var after: Int64 = 0
        if let cursor {
            guard let id = try? cursors.decode(cursor, scope: "console-subscribers") else { return nil }
            after = id
        }
        return SubscriberSearch(
            addressContains: text, status: status ?? nil, newsletter: slug, createdFrom: from ?? nil,
            createdBefore: (to ?? nil).map { $0.addingTimeInterval(86_400) }, afterID: after, limit: Self.pageSize)
    }

    private func nextPageURL(_ request: Request, after id: Int64) -> String {
        var items = URLComponents()
        items.queryItems =
            ["q", "newsletter", "status", "from", "to"].compactMap { name in
                request.uri.queryParameters.get(name).map { URLQueryItem(name: name, value: $0) }
            } + [URLQueryItem(name: "after", value: cursors.encode(id, scope: "console-subscribers"))]
        return site.baseURL + "/admin/subscribers?" + (items.percentEncodedQuery ?? "")
    }

    private func subscriber(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        guard let id = pathID(context) else { return notFound("No subscriber has this number.") }
        let notice = request.uri.queryParameters.get("done").flatMap(ConsoleNotice.init(rawValue:))
        guard let page = try await subscriberPage(id: id, session: session, notice: notice) else {
            return notFound("No subscriber has this number.")
        }
        return ConsoleResponses.html(templates.consoleSubscriberPage(page))
    }

    /// Subscriber `id`'s page, or nil when there is no such subscriber. `refused` puts an error
    /// (and the note typed) next to one subscription's change form.
    func subscriberPage(
        id: Int64, session: ConsoleSession, notice: ConsoleNotice? = nil,
        refused: (slug: String, problem: String, note: String, wanted: String?)? = nil
    ) async throws -> ConsoleSubscriberPage? {
        guard let record = try await SubscriberDirectory(store: store).record(id: id, bounceLimit: 20) else {
            return nil
        }
        let (subscriber, subscriptions, consent, suppression, bounces) = (
            record.subscriber, record.subscriptions, record.consentHistory, record.suppression, record.bounces
        )
        return ConsoleSubscriberPage(
            frame: frame(session), id: id, email: subscriber.email, name: subscriber.name,
            since: ConsoleDates.day(subscriber.createdAt),
            subscriptions: subscriptions.map { subscription in
                let mine = refused?.slug == subscription.newsletter ? refused : nil
                return ConsoleSubscriberPage.Subscription(
                    slug: subscription.newsletter, title: title(of: subscription.newsletter),
                    state: subscription.status.rawValue, changed: ConsoleDates.minute(subscription.updatedAt),
                    problem: mine?.problem, note: mine?.note ?? "", wanted: mine?.wanted)
            },
            consent: consent.map {
                [
                    ConsoleDates.minute($0.occurredAt), $0.newsletter.map(title(of:)) ?? "—", $0.action.rawValue,
                    $0.source ?? "—", $0.ipAddress ?? "—", $0.userAgent ?? "—",
                ]
            },
            suppression: suppression.map {
                "\($0.reason.rawValue)\($0.detail.map { ", \($0)" } ?? "") since \(ConsoleDates.day($0.createdAt))"
            }, notice: notice,
            bounces: bounces.map {
                [ConsoleDates.minute($0.occurredAt), $0.kind.rawValue, $0.source.rawValue, $0.diagnostic]
            }, language: subscriber.language.map { "\($0) (\(templates.languageName($0)))" })
    }

    /// A positive id from the path's `id`.
    func pathID(_ context: HeraldRequestContext) -> Int64? {
        context.parameters.get("id").flatMap { Int64($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    func title(of slug: String) -> String {
        newsletters.first { $0.slug == slug }?.title ?? slug
    }

    func frame(_ session: ConsoleSession) -> ConsoleFrame {
        ConsoleFrame(site: site, operatorName: session.operatorName, csrf: csrf.token(sessionHash: session.idHash))
    }

    /// To the sign-in page; after a GET, the page asked for comes back after signing in, and a
    /// session cookie that no longer opens a session is told so.
    func signInRedirect(_ request: Request? = nil) -> Response {
        var items: [URLQueryItem] = []
        if let request, request.method == .get, let next = ConsoleNextPage.validated(request.uri.description),
            next != "/admin"
        {
            items.append(URLQueryItem(name: "next", value: next))
        }
        if let request, ConsoleCookies.value(ConsoleCookies.session, in: request) != nil {
            items.append(URLQueryItem(name: "ended", value: "1"))
        }
        var query = URLComponents()
        query.queryItems = items
        let suffix = items.isEmpty ? "" : "?" + (query.percentEncodedQuery ?? "")
        return ConsoleResponses.redirect(to: site.baseURL + "/admin/sign-in" + suffix)
    }

    func badRequest(_ message: String) -> Response {
        ConsoleResponses.html(
            templates.errorPage(ErrorPage(site: site, status: 400, message: message)), status: .badRequest)
    }

    func notFound(_ message: String) -> Response {
        ConsoleResponses.html(
            templates.errorPage(ErrorPage(site: site, status: 404, message: message)), status: .notFound)
    }
}

/// Dates as the console shows them, in UTC.
enum ConsoleDates {
    static func day(_ date: Date) -> String {
        AdminDates.dayString(Int64((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// `2026-12-03 07:05`.
    static func minute(_ date: Date) -> String {
        let text = date.formatted(
            .iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false))
        return String(text.replacingOccurrences(of: "T", with: " ").prefix(16))
    }
}
