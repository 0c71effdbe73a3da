import Foundation

/// `GET /admin/subscribers/new`: add someone, either pending (the confirmation mail goes out, as
/// for a signup) or confirmed with a note saying where and how they consented.
public struct ConsoleAddSubscriberPage: Sendable, Equatable {
    /// A form field whose value was refused.
    public enum Field: String, Sendable, CaseIterable {
        case email, name, newsletters, status
        case consentNote = "consent_note"
    }

    public var frame: ConsoleFrame
    /// Every configured newsletter, (slug, title).
    public var newsletters: [(slug: String, title: String)]
    /// The values typed, shown again when the form is refused.
    public var email: String
    public var name: String
    public var chosen: Set<String>
    public var confirmed: Bool
    public var consentNote: String
    /// Why each refused field was refused.
    public var problems: [Field: String]

    public init(
        frame: ConsoleFrame, newsletters: [(slug: String, title: String)], email: String = "", name: String = "",
        chosen: Set<String> = [], confirmed: Bool = false, consentNote: String = "", problems: [Field: String] = [:]
    ) {
        self.frame = frame
        self.newsletters = newsletters
        self.email = email
        self.name = name
        self.chosen = chosen
        self.confirmed = confirmed
        self.consentNote = consentNote
        self.problems = problems
    }

    public static func == (left: Self, right: Self) -> Bool {
        left.frame == right.frame && left.newsletters.map(\.slug) == right.newsletters.map(\.slug)
            && left.email == right.email && left.name == right.name && left.chosen == right.chosen
            && left.confirmed == right.confirmed && left.consentNote == right.consentNote
            && left.problems == right.problems
    }

    /// Keys: `email`, `name`, `newsletters` (`slug`, `title`, `checked`), `confirmed`,
    /// `consent_note`, and `<field>_problem` for each refused field.
    var templateValues: TemplateValues {
        var values: TemplateValues = [
            "on_subscribers": true, "email": email, "name": name, "confirmed": confirmed,
            "consent_note": consentNote, "has_problems": !problems.isEmpty,
            "newsletters": newsletters.map {
                ["slug": $0.slug, "title": $0.title, "checked": chosen.contains($0.slug)] as TemplateValues
            },
        ]
        for (field, problem) in problems { values["\(field.rawValue)_problem"] = problem }
        return frame.context(values)
    }
}

extension TemplateLibrary {
    /// The console's form to add a subscriber (`pages/console_subscriber_new`).
    public func consoleAddSubscriberPage(_ page: ConsoleAddSubscriberPage) -> String {
        render(PageTemplate.consoleSubscriberNew.name, page.templateValues)
    }
}
