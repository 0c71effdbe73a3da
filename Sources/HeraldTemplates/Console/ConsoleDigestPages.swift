import Foundation

/// `GET /admin/digests`: each newsletter's latest issues.
public struct ConsoleDigestsPage: Sendable, Equatable {
    /// One issue in the list.
    public struct Issue: Sendable, Equatable {
        public var id: Int64
        public var period: String
        /// The issue's language (BCP 47): a newsletter with several languages has one issue per
        /// language and period.
        public var language: String
        public var articles: Int
        /// `2026-12-03 07:00`.
        public var created: String
        /// `2026-12-03 07:04`, nil while it is being sent.
        public var completed: String?

        public init(id: Int64, period: String, language: String, articles: Int, created: String, completed: String?) {
            self.id = id
            self.period = period
            self.language = language
            self.articles = articles
            self.created = created
            self.completed = completed
        }
    }

    /// One newsletter with its latest issues, newest first.
    public struct Newsletter: Sendable, Equatable {
        public var slug: String
        public var title: String
        public var issues: [Issue]

        public init(slug: String, title: String, issues: [Issue]) {
            self.slug = slug
            self.title = title
            self.issues = issues
        }
    }

    public var frame: ConsoleFrame
    public var newsletters: [Newsletter]

    public init(frame: ConsoleFrame, newsletters: [Newsletter]) {
        self.frame = frame
        self.newsletters = newsletters
    }

    var templateValues: TemplateValues {
        frame.context([
            "on_digests": true,
            "newsletters": newsletters.map { newsletter in
                [
                    "slug": newsletter.slug, "title": newsletter.title, "has_issues": !newsletter.issues.isEmpty,
                    "issues": newsletter.issues.map {
                        [
                            "id": String($0.id), "period": $0.period, "issue_language": $0.language,
                            "articles": $0.articles, "created": $0.created,
                            "completed": nullable($0.completed),
                        ] as TemplateValues
                    },
                ] as TemplateValues
            },
        ])
    }
}

/// `GET /admin/digests/{newsletter}/{id}`: one issue's report (the figures of the report API)
/// with a chart of clicks per hour over the first 48 hours.
public struct ConsoleDigestReportPage: Sendable, Equatable {
    public var frame: ConsoleFrame
    public var newsletterTitle: String
    public var period: String
    /// The issue's language (BCP 47).
    public var language: String
    /// (label, value) pairs: delivered, failed, bounced, …
    public var figures: [[String]]
    /// (title, URL or "", clicks, filtered) per link.
    public var links: [[String]]
    /// (hour `2026-12-03 07:00`, clicks, filtered) for the first 48 hours.
    public var hours: [[String]]
    public var chart: String
    /// The report as CSV (the admin API's address, for `curl` with a token).
    public var csvPath: String
    /// The issue's deliveries by state.
    public var deliveries: DeliveryBar?
    /// (subscriber id, the server's reply) of failed and deferred deliveries, at most 50.
    public var failures: [[String]]
    /// Where the retry form posts, when there are failed or deferred deliveries.
    public var retryPath: String?
    public var notice: ConsoleNotice?

    public init(
        frame: ConsoleFrame, newsletterTitle: String, period: String, language: String, figures: [[String]],
        links: [[String]],
        hours: [[String]], chart: String, csvPath: String, deliveries: DeliveryBar? = nil, failures: [[String]] = [],
        retryPath: String? = nil, notice: ConsoleNotice? = nil
    ) {
        self.deliveries = deliveries
        self.failures = failures
        self.retryPath = retryPath
        self.notice = notice
        self.frame = frame
        self.newsletterTitle = newsletterTitle
        self.period = period
        self.language = language
        self.figures = figures
        self.links = links
        self.hours = hours
        self.chart = chart
        self.csvPath = csvPath
    }

    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "on_digests": true,
            "newsletter_title": newsletterTitle, "period": period, "issue_language": language,
            "figures": figures.map { ["label": $0[0], "value": $0[1]] as TemplateValues },
            "links": links.map {
                ["title": $0[0], "url": nullable($0[1]), "clicks": $0[2], "filtered": $0[3]] as TemplateValues
            },
            "has_links": !links.isEmpty,
            "hours": tableRows(hours), "chart": chart, "csv_path": csvPath,
        ]
        values["deliveries"] = deliveries.map { $0.templateValues } ?? nullable(nil)
        values["failures"] = tableRows(failures)
        values["has_failures"] = !failures.isEmpty
        values["retry_path"] = nullable(retryPath)
        notice?.mark(&values)
        return frame.context(values)
    }
}

extension TemplateLibrary {
    /// The console's digest list (`pages/console_digests`).
    public func consoleDigestsPage(_ page: ConsoleDigestsPage) -> String {
        render(PageTemplate.consoleDigests.name, page.templateValues)
    }

    /// One issue's report in the console (`pages/console_digest`).
    public func consoleDigestReportPage(_ page: ConsoleDigestReportPage) -> String {
        render(PageTemplate.consoleDigest.name, page.templateValues)
    }
}
