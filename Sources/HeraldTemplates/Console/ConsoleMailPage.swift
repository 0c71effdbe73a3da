import Foundation

/// `GET /admin/mail`: mail that failed or waits for another attempt, with the server's reply and
/// the retry and discard actions, and the outbox's counts.
public struct ConsoleMailPage: Sendable, Equatable {
    /// One failed or deferred mail.
    public struct Row: Sendable, Equatable {
        public var id: Int64
        /// `confirmation`, `welcome`, `digest`, …
        public var kind: String
        public var recipients: String
        /// `failed` or `deferred`.
        public var state: String
        public var attempts: Int
        /// The server's last reply or the error of the last attempt.
        public var reply: String
        /// Queued at, `2026-12-03 07:05`.
        public var queued: String
        /// When a deferred mail is tried next, or when a failed one failed.
        public var next: String
        /// Whether the message is still kept, so that it can be sent again.
        public var retryable: Bool

        public init(
            id: Int64, kind: String, recipients: String, state: String, attempts: Int, reply: String, queued: String,
            next: String, retryable: Bool
        ) {
            self.id = id
            self.kind = kind
            self.recipients = recipients
            self.state = state
            self.attempts = attempts
            self.reply = reply
            self.queued = queued
            self.next = next
            self.retryable = retryable
        }
    }

    public var frame: ConsoleFrame
    /// Counts by outbox state (`pending`, `sending`, `sent`, `failed`).
    public var counts: [(state: String, count: Int)]
    public var rows: [Row]
    public var nextURL: String?
    public var notice: ConsoleNotice?
    /// Why the last retry or discard was refused.
    public var problem: String?

    public init(
        frame: ConsoleFrame, counts: [(state: String, count: Int)], rows: [Row], nextURL: String?,
        notice: ConsoleNotice? = nil, problem: String? = nil
    ) {
        self.frame = frame
        self.counts = counts
        self.rows = rows
        self.nextURL = nextURL
        self.notice = notice
        self.problem = problem
    }

    public static func == (left: Self, right: Self) -> Bool {
        left.frame == right.frame && left.rows == right.rows && left.nextURL == right.nextURL
            && left.notice == right.notice && left.problem == right.problem
            && left.counts.map(\.state) == right.counts.map(\.state)
            && left.counts.map(\.count) == right.counts.map(\.count)
    }

    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "on_mail": true,
            "counts": counts.map { ["state": $0.state, "count": $0.count] as TemplateValues },
            "rows": rows.map {
                [
                    "id": String($0.id), "kind": $0.kind, "recipients": $0.recipients, "state": $0.state,
                    "is_failed": $0.state == "failed", "attempts": $0.attempts, "reply": $0.reply,
                    "queued": $0.queued, "next": $0.next, "retryable": $0.retryable,
                ] as TemplateValues
            },
            "has_rows": !rows.isEmpty, "next_url": nullable(nextURL), "problem": nullable(problem),
        ]
        notice?.mark(&values)
        return frame.context(values)
    }
}

/// `GET /admin/audit`: the audit log filtered by operator, action and days.
public struct ConsoleAuditPage: Sendable, Equatable {
    public var frame: ConsoleFrame
    public var operators: [String]
    public var actions: [String]
    /// The filter as typed: operator, action, from day, to day (`yyyy-MM-dd`, inclusive).
    public var actor: String
    public var action: String
    public var from: String
    public var to: String
    /// (when, operator, action, target, details).
    public var rows: [[String]]
    public var nextURL: String?

    public init(
        frame: ConsoleFrame, operators: [String], actions: [String], actor: String, action: String, from: String,
        to: String, rows: [[String]], nextURL: String?
    ) {
        self.frame = frame
        self.operators = operators
        self.actions = actions
        self.actor = actor
        self.action = action
        self.from = from
        self.to = to
        self.rows = rows
        self.nextURL = nextURL
    }

    var templateValues: TemplateValues {
        frame.context([
            "on_audit": true,
            "operators": operators.map { ["name": $0, "selected": $0 == actor] as TemplateValues },
            "actions": actions.map { ["name": $0, "selected": $0 == action] as TemplateValues },
            "from": from, "to": to,
            "rows": tableRows(rows),
            "has_rows": !rows.isEmpty, "next_url": nullable(nextURL),
        ])
    }
}

/// `GET /admin/settings`: the configuration in force, every secret left out.
public struct ConsoleSettingsPage: Sendable, Equatable {
    /// A titled group of settings.
    public struct Section: Sendable, Equatable {
        public var title: String
        /// (setting, value).
        public var rows: [[String]]

        public init(title: String, rows: [[String]]) {
            self.title = title
            self.rows = rows
        }
    }

    public var frame: ConsoleFrame
    public var sections: [Section]

    public init(frame: ConsoleFrame, sections: [Section]) {
        self.frame = frame
        self.sections = sections
    }

    var templateValues: TemplateValues {
        frame.context([
            "on_settings": true,
            "sections": sections.enumerated().map { index, section in
                [
                    "index": index, "title": section.title,
                    "rows": section.rows.map { ["name": $0.first ?? "", "value": $0.last ?? ""] as TemplateValues },
                ] as TemplateValues
            },
        ])
    }
}

extension TemplateLibrary {
    /// Failed and deferred mail (`pages/console_mail`).
    public func consoleMailPage(_ page: ConsoleMailPage) -> String {
        render(PageTemplate.consoleMail.name, page.templateValues)
    }

    /// The audit log (`pages/console_audit`).
    public func consoleAuditPage(_ page: ConsoleAuditPage) -> String {
        render(PageTemplate.consoleAudit.name, page.templateValues)
    }

    /// The configuration summary (`pages/console_settings`).
    public func consoleSettingsPage(_ page: ConsoleSettingsPage) -> String {
        render(PageTemplate.consoleSettings.name, page.templateValues)
    }
}
