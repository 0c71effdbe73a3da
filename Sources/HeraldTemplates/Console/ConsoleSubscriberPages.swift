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
    public var newsletters: [Newsletter]
    public var rows: [Row]
    /// The next page's URL, when there may be one.
    public var nextURL: String?

    public init(
        frame: ConsoleFrame, query: String, newsletter: String?, status: String?, newsletters: [Newsletter],
        rows: [Row], nextURL: String?
    ) {
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
        frame.context([
            "on_subscribers": true,
            "query": query,
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
        ])
    }
}

/// `GET /admin/subscribers/{id}`: one subscriber's subscriptions, consent history and suppression.
public struct ConsoleSubscriberPage: Sendable, Equatable {
    public var frame: ConsoleFrame
    public var email: String
    public var name: String?
    public var since: String
    /// (newsletter title, state, last change `2026-12-03 07:00 UTC`).
    public var subscriptions: [[String]]
    /// (when, newsletter, action, source, IP address, user agent), oldest first.
    public var consent: [[String]]
    /// "erased by api:desk (2026-12-03)", when the address is suppressed.
    public var suppression: String?

    public init(
        frame: ConsoleFrame, email: String, name: String?, since: String, subscriptions: [[String]],
        consent: [[String]], suppression: String?
    ) {
        self.frame = frame
        self.email = email
        self.name = name
        self.since = since
        self.subscriptions = subscriptions
        self.consent = consent
        self.suppression = suppression
    }

    /// Keys: `email`, `name`, `since`, `subscriptions` and `consent` (rows of `cells`), `suppression`.
    var templateValues: TemplateValues {
        frame.context([
            "on_subscribers": true,
            "email": email, "name": nullable(name), "since": since,
            "subscriptions": subscriptions.map {
                ["cells": $0.map { ["text": $0] as TemplateValues }] as TemplateValues
            },
            "consent": consent.map { ["cells": $0.map { ["text": $0] as TemplateValues }] as TemplateValues },
            "has_consent": !consent.isEmpty,
            "suppression": nullable(suppression),
        ])
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
}
