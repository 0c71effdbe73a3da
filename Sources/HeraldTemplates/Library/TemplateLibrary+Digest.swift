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
        var shared = SharedDigest(
            newsletter: digest.newsletter,
            site: digest.site,
            subject: placeholders.segments(of: render(MailTemplate.digest.subject, values)),
            text: placeholders.segments(of: render(MailTemplate.digest.text, values)),
            html: placeholders.segments(of: render(MailTemplate.digest.html, values)))
        shared.slotTexts = slotTexts(for: shared, placeholders: placeholders)
        shared.fixedSubject = SharedDigest.fixedSubject(shared.subject)
        return shared
    }

    /// The greeting and footer rendered once per variant (``DigestSlotTexts``), or nil when they
    /// would not give exactly what rendering them per subscriber gives.
    func slotTexts(for digest: SharedDigest, placeholders: DigestPlaceholders) -> DigestSlotTexts? {
        let markers = placeholders.markers
        func variant(named: Bool) -> DigestSlotTexts.Variant {
            let recipient = DigestRecipient(
                name: named ? markers[.name] : nil, unsubscribeURL: markers[.unsubscribeURL] ?? "",
                preferencesURL: markers[.preferencesURL] ?? "")
            let rendered = renderedSlots(digest, for: recipient)
            return DigestSlotTexts.Variant(
                text: rendered.text.mapValues(placeholders.segments(of:)),
                html: rendered.html.mapValues(placeholders.segments(of:)))
        }
        let texts = DigestSlotTexts(named: variant(named: true), unnamed: variant(named: false))
        for probe in DigestSlotTexts.probes {
            let values = plainSlotValues(probe)
            let fast = texts.variant(forName: probe.name)
            let slow = renderedSlots(digest, for: probe)
            for slot in DigestSlotTexts.renderedSlots {
                guard fast.text[slot]?.joined(filling: values.text) == slow.text[slot],
                    fast.html[slot]?.joined(filling: values.html) == slow.html[slot]
                else { return nil }
            }
        }
        return texts
    }

    /// One subscriber's digest: the shared parts with their greeting, footer, name and links
    /// filled in (HTML-escaped in the HTML part), the subject on one line.
    ///
    /// Costs two small template renders per part used plus joining strings.
    public func personalise(_ digest: SharedDigest, for recipient: DigestRecipient) -> RenderedMail {
        let (text, html) = slotValues(digest, for: recipient)
        return RenderedMail(
            subject: digest.fixedSubject ?? digest.subject.joined(filling: text).singleLine,
            text: digest.text.joined(filling: text),
            html: digest.html.joined(filling: html), language: digest.site.language)
    }

    /// What each hole holds for `recipient`, in the text part and (HTML-escaped) in the HTML part.
    func slotValues(_ digest: SharedDigest, for recipient: DigestRecipient)
        -> (text: [DigestSlot: String], html: [DigestSlot: String])
    {
        var (text, html) = plainSlotValues(recipient)
        if let texts = digest.slotTexts {
            let variant = texts.variant(forName: recipient.name)
            for slot in DigestSlotTexts.renderedSlots where digest.uses(slot) {
                text[slot] = variant.text[slot]?.joined(filling: text)
                html[slot] = variant.html[slot]?.joined(filling: html)
            }
        } else {
            let rendered = renderedSlots(digest, for: recipient)
            text.merge(rendered.text) { $1 }
            html.merge(rendered.html) { $1 }
        }
        return (text, html)
    }

    /// The subscriber's own values: as they are for the text part, HTML-escaped for the HTML part.
    private func plainSlotValues(_ recipient: DigestRecipient)
        -> (text: [DigestSlot: String], html: [DigestSlot: String])
    {
        let plain: [DigestSlot: String] = [
            .name: recipient.name ?? "",
            .unsubscribeURL: recipient.unsubscribeURL,
            .preferencesURL: recipient.preferencesURL,
            .clickTag: recipient.clickTag,
        ]
        return (plain, plain.mapValues(\.htmlEscaped))
    }

    /// The greeting and footer the digest uses, rendered from their templates for `recipient`.
    private func renderedSlots(_ digest: SharedDigest, for recipient: DigestRecipient)
        -> (text: [DigestSlot: String], html: [DigestSlot: String])
    {
        let values = digest.site.context([
            "newsletter": digest.newsletter.templateValues,
            "name": nullable(recipient.name),
            "unsubscribe_url": recipient.unsubscribeURL,
            "preferences_url": recipient.preferencesURL,
        ])
        var text: [DigestSlot: String] = [:]
        var html: [DigestSlot: String] = [:]
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
