import Foundation
import HeraldCore
import HeraldTemplates

/// Renders a digest's shared body once with the templates; personalises per subscriber.
struct TemplateDigestComposer: DigestComposer {
    let templates: TemplateLibrary
    let builder: NewsletterMessageBuilder

    func prepare(_ issue: DigestIssue, newsletter: Newsletter) throws -> any PreparedDigest {
        let shared = templates.renderDigestShared(
            DigestMail(
                site: builder.site, newsletter: newsletter, date: issue.createdAt,
                items: issue.articles.map(DigestItem.init(article:))))
        return TemplatePreparedDigest(
            templates: templates, builder: builder, newsletter: newsletter, shared: shared, issueID: issue.id)
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

/// A digest rendered once; each subscriber's copy only fills in name and links.
struct TemplatePreparedDigest: PreparedDigest {
    let templates: TemplateLibrary
    let builder: NewsletterMessageBuilder
    let newsletter: Newsletter
    let shared: SharedDigest
    let issueID: Int64

    func mail(for subscriber: Subscriber, manageToken: String) throws -> OutgoingMail {
        let base = builder.site.baseURL
        let rendered = templates.personalise(
            shared,
            for: HeraldTemplates.DigestRecipient(
                name: subscriber.name, unsubscribeURL: "\(base)/unsubscribe/\(manageToken)",
                preferencesURL: "\(base)/preferences/\(manageToken)"))
        return try builder.build(
            rendered, to: subscriber, newsletter: newsletter, manageToken: manageToken,
            messageID: "digest.\(issueID).\(subscriber.id)")
    }
}
