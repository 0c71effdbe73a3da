import Foundation

/// `GET /admin/digests/{slug}/next`: the next issue as a subscriber would receive it (subject,
/// the HTML part in a sandboxed frame, the plain-text part, the articles) and the articles queued
/// by hand, with the forms to add and remove them.
public struct ConsoleDigestNextPage: Sendable, Equatable {
    /// The rendered next issue.
    public struct Preview: Sendable, Equatable {
        public var subject: String
        public var html: String
        public var text: String
        /// (title, link) of each article it would contain.
        public var articles: [[String]]
        /// Confirmed subscribers it would go to now.
        public var recipients: Int

        public init(subject: String, html: String, text: String, articles: [[String]], recipients: Int) {
            self.subject = subject
            self.html = html
            self.text = text
            self.articles = articles
            self.recipients = recipients
        }
    }

    /// One queued article.
    public struct Queued: Sendable, Equatable {
        public var id: Int64
        public var title: String
        public var url: String
        public var queuedBy: String
        public var queuedAt: String

        public init(id: Int64, title: String, url: String, queuedBy: String, queuedAt: String) {
            self.id = id
            self.title = title
            self.url = url
            self.queuedBy = queuedBy
            self.queuedAt = queuedAt
        }
    }

    public var frame: ConsoleFrame
    public var slug: String
    public var title: String
    /// The preview, or nil with `previewProblem` saying why there is none.
    public var preview: Preview?
    public var previewProblem: String?
    public var queue: [Queued]
    /// The add form's values and why it was refused, when it was.
    public var form: [String: String]
    public var formProblem: String?
    public var notice: ConsoleNotice?

    public init(
        frame: ConsoleFrame, slug: String, title: String, preview: Preview?, previewProblem: String?,
        queue: [Queued], form: [String: String] = [:], formProblem: String? = nil, notice: ConsoleNotice? = nil
    ) {
        self.frame = frame
        self.slug = slug
        self.title = title
        self.preview = preview
        self.previewProblem = previewProblem
        self.queue = queue
        self.form = form
        self.formProblem = formProblem
        self.notice = notice
    }

    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "on_digests": true, "slug": slug, "title": title, "preview_problem": nullable(previewProblem),
            "queue": queue.map {
                [
                    "id": String($0.id), "title": $0.title, "url": $0.url, "queued_by": $0.queuedBy,
                    "queued_at": $0.queuedAt,
                ] as TemplateValues
            },
            "has_queue": !queue.isEmpty, "form_problem": nullable(formProblem),
            "form_title": form["title"] ?? "", "form_url": form["url"] ?? "", "form_summary": form["summary"] ?? "",
        ]
        if let preview {
            values["preview"] =
                [
                    "subject": preview.subject, "html": preview.html, "text": preview.text,
                    "recipients": preview.recipients, "article_count": preview.articles.count,
                    "articles": preview.articles.map {
                        ["title": $0.first ?? "", "link": $0.last ?? ""] as TemplateValues
                    },
                ] as TemplateValues
        }
        notice?.mark(&values)
        return frame.context(values)
    }
}

extension TemplateLibrary {
    /// The next issue's preview and the queue (`pages/console_digest_next`).
    public func consoleDigestNextPage(_ page: ConsoleDigestNextPage) -> String {
        render(PageTemplate.consoleDigestNext.name, page.templateValues)
    }
}
