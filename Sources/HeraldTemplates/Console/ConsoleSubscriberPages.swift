import Foundation
import HeraldCore

/// What the console's subscriber pages share: the operator and the form token for the nav.
public struct ConsoleFrame: Sendable, Equatable {
    public var site: SiteContext
    public var operatorName: String
    public var csrf: String

    public init(site: SiteContext, operatorName: String, csrf: String) {
        self.site = site
        self.operatorName = operatorName
        self.csrf = csrf
    }

    func context(_ values: TemplateValues) -> TemplateValues {
        var all = values
        all["operator"] = operatorName
        all["csrf"] = csrf
        return site.context(all)
    }
}

/// `GET /admin/subscribers`: a search by part of the address, newsletter and state, one page.
public struct ConsoleSubscribersPage: Sendable, Equatable {
    /// One subscriber in the list.
    public struct Row: Sendable, Equatable {
        public var id: Int64
        public var email: String
        public var name: String?
        /// "Morning News: confirmed; Дайджест дня: pending".
        public var subscriptions: String
        /// `2026-12-03`.
        public var since: String

        public init(id: Int64, email: String, name: String?, subscriptions: String, since: String) {
            self.id = id
            self.email = email
            self.name = name
            self.subscriptions = subscriptions
            self.since = since
        }
    }

    public var frame: ConsoleFrame
    public var query: String
    public var newsletter: String?
    public var status: String?
    /// The signup days searched, as typed (`yyyy-MM-dd`, inclusive).
    public var from: String
    public var to: String
    public var newsletters: [Newsletter]
    public var rows: [Row]
    /// The next page's URL, when there may be one.
    public var nextURL: String?
    /// What the operator's last action did.
    public var notice: ConsoleNotice?

    public init(
        frame: ConsoleFrame, query: String, newsletter: String?, from: String = "", to: String = "",
        status: String?, newsletters: [Newsletter], rows: [Row], nextURL: String?, notice: ConsoleNotice? = nil
    ) {
        self.from = from
        self.to = to
        self.notice = notice
        self.frame = frame
        self.query = query
        self.newsletter = newsletter
        self.status = status
        self.newsletters = newsletters
        self.rows = rows
        self.nextURL = nextURL
    }

    /// Keys: `query`, `newsletters` (`slug`, `title`, `selected`), `statuses` (`value`, `selected`),
    /// `rows` (`id`, `email`, `name`, `subscriptions`, `since`), `has_rows`, `next_url`.
    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "on_subscribers": true,
            "query": query, "from": from, "to": to,
            "newsletters": newsletters.map {
                ["slug": $0.slug, "title": $0.title, "selected": $0.slug == newsletter] as TemplateValues
            },
            "statuses": ["pending", "confirmed", "unsubscribed"].map { (value: String) -> TemplateValues in
                ["value": value, "selected": value == status]
            },
            "rows": rows.map {
                [
                    "id": String($0.id), "email": $0.email, "name": nullable($0.name),
                    "subscriptions": $0.subscriptions, "since": $0.since,
                ] as TemplateValues
            },
            "has_rows": !rows.isEmpty,
            "next_url": nullable(nextURL),
        ]
        notice?.mark(&values)
        return frame.context(values)
    }
}

/// `GET /admin/subscribers/{id}`: one subscriber's subscriptions (each with a form to change
/// it), consent history and suppression, and the export and erase actions.
public struct ConsoleSubscriberPage: Sendable, Equatable {
    /// One subscription and its change form.
    public struct Subscription: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var state: String
        /// `2026-12-03 07:00`.
        public var changed: String
        /// Why the last change of this subscription was refused (shown next to its form).
        public var problem: String?
        /// The note the operator typed, when the change was refused.
        public var note: String
        /// The state the operator chose, when the change was refused (shown selected again).
        public var wanted: String?

        public init(
            slug: String, title: String, state: String, changed: String, problem: String? = nil, note: String = "",
            wanted: String? = nil
        ) {
            self.wanted = wanted
            self.slug = slug
            self.title = title
            self.state = state
            self.changed = changed
            self.problem = problem
            self.note = note
        }
    }

    public var frame: ConsoleFrame
    public var id: Int64
    public var email: String
    public var name: String?
    public var since: String
    public var subscriptions: [Subscription]
    /// (when, newsletter, action, source, IP address, user agent), oldest first.
    public var consent: [[String]]
    /// "erased by api:desk (2026-12-03)", when the address is suppressed.
    public var suppression: String?
    /// What the operator's last action did.
    public var notice: ConsoleNotice?
    /// (when, kind, source, the server's diagnostic) of the address's bounces, newest first.
    public var bounces: [[String]]
    /// The stored language, as the console shows it ("uk (Українська)"); nil: the newsletter's.
    public var language: String?

    public init(
        frame: ConsoleFrame, id: Int64, email: String, name: String?, since: String, subscriptions: [Subscription],
        consent: [[String]], suppression: String?, notice: ConsoleNotice? = nil, bounces: [[String]] = [],
        language: String? = nil
    ) {
        self.bounces = bounces
        self.language = language
        self.frame = frame
        self.id = id
        self.email = email
        self.name = name
        self.since = since
        self.subscriptions = subscriptions
        self.consent = consent
        self.suppression = suppression
        self.notice = notice
    }

    /// Keys: `id`, `email`, `name`, `since`, `subscriber_language`, `subscriptions` (`slug`, `title`, `state`, `changed`,
    /// `problem`, `note`, `to_confirmed`), `consent` (rows of `cells`), `suppression`, `notice_*`.
    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "on_subscribers": true, "id": String(id),
            "email": email, "name": nullable(name), "since": since, "subscriber_language": nullable(language),
            "subscriptions": subscriptions.map {
                [
                    "slug": $0.slug, "title": $0.title, "state": $0.state, "changed": $0.changed,
                    "problem": nullable($0.problem), "note": $0.note,
                    "is_confirmed": ($0.wanted ?? $0.state) == "confirmed",
                ] as TemplateValues
            },
            "consent": tableRows(consent),
            "has_consent": !consent.isEmpty,
            "suppression": nullable(suppression),
            "bounces": tableRows(bounces), "has_bounces": !bounces.isEmpty,
        ]
        notice?.mark(&values)
        return frame.context(values)
    }
}

extension TemplateLibrary {
    /// The console's subscriber search (`pages/console_subscribers`).
    public func consoleSubscribersPage(_ page: ConsoleSubscribersPage) -> String {
        render(PageTemplate.consoleSubscribers.name, page.templateValues)
    }

    /// One subscriber in the console (`pages/console_subscriber`).
    public func consoleSubscriberPage(_ page: ConsoleSubscriberPage) -> String {
        render(PageTemplate.consoleSubscriber.name, page.templateValues)
    }

    /// The erasure's confirmation step (`pages/console_erase`).
    public func consoleErasePage(_ page: ConsoleErasePage) -> String {
        render(PageTemplate.consoleErase.name, page.templateValues)
    }
}
