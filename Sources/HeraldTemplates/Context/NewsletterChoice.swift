import HeraldCore

/// A newsletter offered in a form, with whether its checkbox is ticked.
public struct NewsletterChoice: Sendable, Equatable {
    /// The newsletter offered.
    public var newsletter: Newsletter
    /// Whether the box is ticked (subscribed on the preferences page, chosen on a re-shown form).
    public var selected: Bool

    /// A choice; unticked unless said otherwise.
    public init(_ newsletter: Newsletter, selected: Bool = false) {
        self.newsletter = newsletter
        self.selected = selected
    }
}

extension NewsletterChoice {
    /// The newsletter keys plus `selected`.
    var templateValues: TemplateValues {
        var values = newsletter.templateValues
        values["selected"] = selected
        return values
    }
}
