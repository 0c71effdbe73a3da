import Foundation
import HeraldCore
import HeraldTemplates

/// Renders a digest's shared body once with the templates; personalises per subscriber.
package struct TemplateDigestComposer: DigestComposer {
    let templates: TemplateLibrary
    let builder: NewsletterMessageBuilder
    /// Signs tracked links (`/l/{id}`) for newsletters whose `tracking` is not `off`.
    let clicks: ClickLinkSigner

    /// A composer rendering with `templates` and building each copy with `builder`.
    package init(templates: TemplateLibrary, builder: NewsletterMessageBuilder, clicks: ClickLinkSigner) {
        self.templates = templates
        self.builder = builder
        self.clicks = clicks
    }

    package func prepare(_ issue: DigestIssue, newsletter: Newsletter) throws -> any PreparedDigest {
        try preparedDigest(issue, newsletter: newsletter)
    }

    /// ``prepare(_:newsletter:)`` with its concrete type: rendered in the issue's language.
    package func preparedDigest(_ issue: DigestIssue, newsletter: Newsletter) throws -> TemplatePreparedDigest {
        var site = builder.site
        site.language = issue.language.isEmpty ? newsletter.language : issue.language
        let shared = templates.renderDigestShared(
            DigestMail(
                site: site, newsletter: newsletter, date: issue.createdAt, items: items(of: issue, newsletter),
                tagsLinksPerSubscriber: newsletter.tracking == .perSubscriber,
                openPixelURL: openPixel(issue, newsletter)))
        return TemplatePreparedDigest(
            templates: templates, builder: builder, newsletter: newsletter, shared: shared,
            body: BodyTemplate(text: shared.textPieces.map(\.bodyPiece), html: shared.htmlPieces.map(\.bodyPiece)),
            issueID: issue.id, clicks: clicks)
    }

    /// The issue's open pixel, `/o/{id}`, when the newsletter counts opens (never with tracking off).
    private func openPixel(_ issue: DigestIssue, _ newsletter: Newsletter) -> String? {
        guard newsletter.opens, newsletter.tracking != .off else { return nil }
        return "\(builder.site.baseURL)/o/\(clicks.openID(issueID: issue.id))"
    }

    /// The issue's articles, their web links pointing to `/l/{id}` unless tracking is off.
    private func items(of issue: DigestIssue, _ newsletter: Newsletter) -> [DigestItem] {
        let count = issue.articles.count
        return issue.articles.enumerated().map { index, article in
            var item = DigestItem(article: article)
            if newsletter.tracking != .off, let link = article.link, ClickLinkSigner.isWebURL(link) {
                let id = clicks.id(issueID: issue.id, linkIndex: index, linkCount: count, url: link)
                item.link = "\(builder.site.baseURL)/l/\(id)"
            }
            return item
        }
    }
}

extension DigestPiece {
    var bodyPiece: BodyTemplate.Piece {
        switch self {
        case .literal(let text): .text(text)
        case .hole(let index): .hole(index)
        }
    }
}

/// A digest rendered once, its fixed lines already quoted-printable encoded; each subscriber's
/// copy only renders the greeting and footer and encodes the lines holding them, name and links.
package struct TemplatePreparedDigest: PreparedDigest {
    let templates: TemplateLibrary
    let builder: NewsletterMessageBuilder
    let newsletter: Newsletter
    let shared: SharedDigest
    let body: BodyTemplate
    let issueID: Int64
    let clicks: ClickLinkSigner

    package func mail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
        let fill = templates.fill(shared, for: recipient(subscriber, manageToken: manageToken))
        return try builder.build(
            body, filling: fill, language: shared.language, to: subscriber, newsletter: newsletter,
            manageToken: manageToken,
            messageID: messageID(for: subscriber))
    }

    /// The same message built by joining each part in full and encoding it whole; for comparison
    /// in `herald digest preview --measure` and for tests.
    package func wholeMail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
        let rendered = templates.personalise(shared, for: recipient(subscriber, manageToken: manageToken))
        return try builder.build(
            rendered, to: subscriber, newsletter: newsletter, manageToken: manageToken,
            messageID: messageID(for: subscriber))
    }

    /// What the greeting and footer of `subscriber`'s copy show.
    private func recipient(_ subscriber: Subscriber, manageToken: String) -> HeraldTemplates.DigestRecipient {
        let base = builder.site.baseURL
        let tag =
            newsletter.tracking == .perSubscriber
            ? clicks.subscriberTag(issueID: issueID, subscriberID: subscriber.id) : ""
        return HeraldTemplates.DigestRecipient(
            name: subscriber.name, unsubscribeURL: "\(base)/unsubscribe/\(manageToken)",
            preferencesURL: "\(base)/preferences/\(manageToken)", clickTag: tag)
    }

    /// The Message-ID local part of `subscriber`'s copy of this issue.
    private func messageID(for subscriber: Subscriber) -> String {
        "digest.\(issueID).\(subscriber.id)"
    }
}
