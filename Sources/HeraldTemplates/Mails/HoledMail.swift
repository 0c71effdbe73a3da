/// A per-recipient value of a mail rendered once per shape (``HoledMail``).
enum MailSlot: String, CaseIterable, Sendable {
    /// The confirmation link: the only value of a confirmation mail that differs between signups.
    case confirmURL = "confirm_url"
}

/// A mail rendered once with holes for its recipient's values: filling them costs string joins
/// instead of rendering three templates with their catalog lambdas.
struct HoledMail: Sendable {
    let subject: [TemplateSegment<MailSlot>]
    let text: [TemplateSegment<MailSlot>]
    let html: [TemplateSegment<MailSlot>]
    let language: String?

    /// `rendered` (rendered with `markers`' values in the holes) cut at each marker.
    init(_ rendered: RenderedMail, markers: SlotMarkers<MailSlot>) {
        subject = markers.segments(of: rendered.subject)
        text = markers.segments(of: rendered.text)
        html = markers.segments(of: rendered.html)
        language = rendered.language
    }

    /// The mail with `values` in its holes: as they are in the subject and text, HTML-escaped in
    /// the HTML part, as `{{value}}` renders them.
    func filled(_ values: [MailSlot: String]) -> RenderedMail {
        RenderedMail(
            subject: subject.joined(filling: values).singleLine, text: text.joined(filling: values),
            html: html.joined(filling: values.mapValues(\.htmlEscaped)), language: language)
    }
}
