extension TemplateLibrary {
    /// Renders the parts of a digest that are the same for every subscriber, once.
    ///
    /// `mail/digest.subject`, `.txt` and `.html` are rendered with the values; the keys
    /// `greeting`, `footer`, `name`, `unsubscribe_url` and `preferences_url` hold placeholders that
    /// ``personalise(_:for:)`` fills per subscriber. Use `{{{greeting}}}` and `{{{footer}}}` where
    /// the per-subscriber templates go; sections over those keys (`{{#name}}`) belong in
    /// `mail/digest_greeting.*` and `mail/digest_footer.*`, which see the real values.
    public func renderDigestShared(_ digest: DigestMail) -> SharedDigest {
        let placeholders = DigestPlaceholders()
        let values = digest.templateValues(placeholders: placeholders.markers)
        return SharedDigest(
            newsletter: digest.newsletter,
            site: digest.site,
            subject: placeholders.segments(of: render(MailTemplate.digest.subject, values)),
            text: placeholders.segments(of: render(MailTemplate.digest.text, values)),
            html: placeholders.segments(of: render(MailTemplate.digest.html, values)))
    }

    /// One subscriber's digest: the shared parts with their greeting, footer, name and links
    /// filled in (HTML-escaped in the HTML part), the subject on one line.
    ///
    /// Costs two small template renders per part used plus joining strings.
    public func personalise(_ digest: SharedDigest, for recipient: DigestRecipient) -> RenderedMail {
        let (text, html) = slotValues(digest, for: recipient)
        return RenderedMail(
            subject: digest.subject.joined(filling: text).singleLine,
            text: digest.text.joined(filling: text),
            html: digest.html.joined(filling: html), language: digest.site.language)
    }

    /// What each hole holds for `recipient`, in the text part and (HTML-escaped) in the HTML part.
    func slotValues(_ digest: SharedDigest, for recipient: DigestRecipient)
        -> (text: [DigestSlot: String], html: [DigestSlot: String])
    {
        let values = digest.site.context([
            "newsletter": digest.newsletter.templateValues,
            "name": nullable(recipient.name),
            "unsubscribe_url": recipient.unsubscribeURL,
            "preferences_url": recipient.preferencesURL,
        ])
        let plain: [DigestSlot: String] = [
            .name: recipient.name ?? "",
            .unsubscribeURL: recipient.unsubscribeURL,
            .preferencesURL: recipient.preferencesURL,
            .clickTag: recipient.clickTag,
        ]
        var text = plain
        var html = plain.mapValues(\.htmlEscaped)
        if digest.uses(.greeting) {
            text[.greeting] = renderSlot(.digestGreetingText, values)
            html[.greeting] = renderSlot(.digestGreetingHTML, values)
        }
        if digest.uses(.footer) {
            text[.footer] = renderSlot(.digestFooterText, values)
            html[.footer] = renderSlot(.digestFooterHTML, values)
        }
        return (text, html)
    }

    /// A per-subscriber part without the file's trailing line break, so the digest template
    /// alone decides the line breaks around `{{{greeting}}}` and `{{{footer}}}`.
    private func renderSlot(_ part: PartTemplate, _ values: TemplateValues) -> String {
        var rendered = render(part.name, values)
        while rendered.last?.isNewline == true { rendered.removeLast() }
        return rendered
    }

    /// One subscriber's digest in one step; to send an issue to many, render it once with
    /// ``renderDigestShared(_:)`` and call ``personalise(_:for:)`` for each subscriber instead.
    public func digestMail(_ digest: DigestMail, for recipient: DigestRecipient) -> RenderedMail {
        personalise(renderDigestShared(digest), for: recipient)
    }
}
