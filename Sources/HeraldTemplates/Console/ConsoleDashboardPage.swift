import Foundation

/// `GET /admin`: per newsletter, subscribers by state and the activity of the chosen range
/// (the same figures as `GET /api/v1/stats`) as a chart and a table; the outbox's health.
public struct ConsoleDashboardPage: Sendable, Equatable {
    /// One newsletter's figures.
    public struct NewsletterFigures: Sendable, Equatable {
        public static func == (left: Self, right: Self) -> Bool {
            left.slug == right.slug && left.title == right.title && left.confirmed == right.confirmed
                && left.pending == right.pending && left.unsubscribed == right.unsubscribed && left.days == right.days
                && left.latestIssue?.id == right.latestIssue?.id
                && left.latestIssue?.period == right.latestIssue?.period
                && left.latestIssue?.deliveries == right.latestIssue?.deliveries
        }

        public var slug: String
        public var title: String
        public var confirmed: Int
        public var pending: Int
        public var unsubscribed: Int
        /// Oldest first, one entry per day of the range.
        public var days: [ActivityDay]
        /// The newest digest issue: id, period and its deliveries.
        public var latestIssue: (id: Int64, period: String, deliveries: DeliveryBar)?

        public init(
            slug: String, title: String, confirmed: Int, pending: Int, unsubscribed: Int, days: [ActivityDay],
            latestIssue: (id: Int64, period: String, deliveries: DeliveryBar)? = nil
        ) {
            self.latestIssue = latestIssue
            self.slug = slug
            self.title = title
            self.confirmed = confirmed
            self.pending = pending
            self.unsubscribed = unsubscribed
            self.days = days
        }
    }

    /// The outbox's state.
    public struct OutboxHealth: Sendable, Equatable {
        public var pending: Int
        public var sending: Int
        public var sent: Int
        public var failed: Int
        /// Minutes the oldest unsent mail has waited, if any.
        public var oldestWaitMinutes: Int?
        /// True when the oldest unsent mail waited longer than the console's threshold.
        public var stuck: Bool

        public init(pending: Int, sending: Int, sent: Int, failed: Int, oldestWaitMinutes: Int?, stuck: Bool) {
            self.pending = pending
            self.sending = sending
            self.sent = sent
            self.failed = failed
            self.oldestWaitMinutes = oldestWaitMinutes
            self.stuck = stuck
        }
    }

    public var site: SiteContext
    /// The signed-in operator (the admin token's name).
    public var operatorName: String
    public var csrf: String
    /// 30, 90 or 365.
    public var rangeDays: Int
    public var newsletters: [NewsletterFigures]
    public var outbox: OutboxHealth

    public init(
        site: SiteContext, operatorName: String, csrf: String, rangeDays: Int, newsletters: [NewsletterFigures],
        outbox: OutboxHealth
    ) {
        self.site = site
        self.operatorName = operatorName
        self.csrf = csrf
        self.rangeDays = rangeDays
        self.newsletters = newsletters
        self.outbox = outbox
    }
}

extension ConsoleDashboardPage {
    /// The ranges the dashboard offers.
    public static let ranges = [30, 90, 365]

    /// Keys: `operator`, `csrf`, `range_days`, `ranges` (`days`, `current`), `newsletters` (`slug`,
    /// `title`, `confirmed`, `pending`, `unsubscribed`, `signups`, `confirmations`, `unsubscribes`,
    /// `rate` ("72 %" or "—"), `chart` (SVG markup), `days` (`date`, `signups`, `confirmations`,
    /// `unsubscribes`)), `outbox` (`pending`, `sending`, `sent`, `failed`, `oldest_wait_minutes`, `stuck`).
    var templateValues: TemplateValues {
        site.context([
            "operator": operatorName,
            "csrf": csrf,
            "on_dashboard": true,
            "range_days": rangeDays,
            "ranges": Self.ranges.map { ["days": $0, "current": $0 == rangeDays] as TemplateValues },
            "newsletters": newsletters.map { $0.templateValues(rangeDays: rangeDays) },
            "outbox": [
                "pending": outbox.pending, "sending": outbox.sending, "sent": outbox.sent, "failed": outbox.failed,
                "oldest_wait_minutes": outbox.oldestWaitMinutes.map { $0 as Any } ?? NSNull(), "stuck": outbox.stuck,
            ] as TemplateValues,
        ])
    }
}

extension ConsoleDashboardPage.NewsletterFigures {
    func templateValues(rangeDays: Int) -> TemplateValues {
        let signups = days.map(\.signups).reduce(0, +)
        let confirmations = days.map(\.confirmations).reduce(0, +)
        let rate = signups > 0 ? "\(Int((Double(confirmations) / Double(signups) * 100).rounded())) %" : "—"
        return [
            "slug": slug, "title": title, "confirmed": confirmed, "pending": pending, "unsubscribed": unsubscribed,
            "signups": signups, "confirmations": confirmations, "unsubscribes": days.map(\.unsubscribes).reduce(0, +),
            "rate": rate,
            "latest_issue": latestIssue.map {
                ["id": String($0.id), "period": $0.period, "bar": $0.deliveries.templateValues] as TemplateValues
            } ?? nullable(nil),
            "chart": ActivityChart.svg(
                days: days, id: "chart-\(slug)", title: "\(title): activity per day over the last \(rangeDays) days"),
            "days": days.reversed().map {
                [
                    "date": $0.date, "signups": $0.signups, "confirmations": $0.confirmations,
                    "unsubscribes": $0.unsubscribes,
                ] as TemplateValues
            },
        ]
    }
}
