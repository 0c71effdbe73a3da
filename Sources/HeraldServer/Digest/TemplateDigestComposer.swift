import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates

/// Renders a digest's shared body once with the templates; personalises per subscriber.
struct TemplateDigestComposer: DigestComposer {
    let templates: TemplateLibrary
    let builder: NewsletterMessageBuilder

    func prepare(_ issue: DigestIssue, newsletter: Newsletter) throws -> any PreparedDigest {
        try preparedDigest(issue, newsletter: newsletter)
    }

    /// ``prepare(_:newsletter:)`` with its concrete type.
    func preparedDigest(_ issue: DigestIssue, newsletter: Newsletter) throws -> TemplatePreparedDigest {
        let shared = templates.renderDigestShared(
            DigestMail(
                site: builder.site, newsletter: newsletter, date: issue.createdAt,
                items: issue.articles.map(DigestItem.init(article:))))
        return TemplatePreparedDigest(
            templates: templates, builder: builder, newsletter: newsletter, shared: shared,
            body: BodyTemplate(text: shared.textPieces.map(\.bodyPiece), html: shared.htmlPieces.map(\.bodyPiece)),
            issueID: issue.id)
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

extension DigestItem {
    /// The template view of a stored article.
    init(article: DigestArticle) {
        self.init(
            title: article.title, link: article.link ?? "", summaryHTML: article.summaryHTML,
            summaryText: article.summaryText, author: article.author, date: article.published,
            imageURL: article.imageURL)
    }
}

/// A digest rendered once, its fixed lines already quoted-printable encoded; each subscriber's
/// copy only renders the greeting and footer and encodes the lines holding them, name and links.
struct TemplatePreparedDigest: PreparedDigest {
    let templates: TemplateLibrary
    let builder: NewsletterMessageBuilder
    let newsletter: Newsletter
    let shared: SharedDigest
    let body: BodyTemplate
    let issueID: Int64

    func mail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
        let fill = templates.fill(shared, for: recipient(subscriber, manageToken: manageToken))
        return try builder.build(
            body, filling: fill, to: subscriber, newsletter: newsletter, manageToken: manageToken,
            messageID: messageID(for: subscriber))
    }

    /// The same message built by joining each part in full and encoding it whole; for comparison
    /// in `herald digest preview --measure` and for tests.
    func wholeMail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
        let rendered = templates.personalise(shared, for: recipient(subscriber, manageToken: manageToken))
        return try builder.build(
            rendered, to: subscriber, newsletter: newsletter, manageToken: manageToken,
            messageID: messageID(for: subscriber))
    }

    /// What the greeting and footer of `subscriber`'s copy show.
    private func recipient(_ subscriber: Subscriber, manageToken: String) -> HeraldTemplates.DigestRecipient {
        let base = builder.site.baseURL
        return HeraldTemplates.DigestRecipient(
            name: subscriber.name, unsubscribeURL: "\(base)/unsubscribe/\(manageToken)",
            preferencesURL: "\(base)/preferences/\(manageToken)")
    }

    /// The Message-ID local part of `subscriber`'s copy of this issue.
    private func messageID(for subscriber: Subscriber) -> String {
        "digest.\(issueID).\(subscriber.id)"
    }
}
