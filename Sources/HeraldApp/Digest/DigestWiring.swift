import Foundation
import HeraldCore
import HeraldFeeds
import HeraldMail
import HeraldTemplates
import Logging

/// Builds the digest sender and preview for the CLI from the configuration.
public struct DigestWiring: Sendable {
    let configuration: HeraldConfiguration
    let dependencies: HeraldDependencies
    let feedOverride: String?

    public init(configuration: HeraldConfiguration, dependencies: HeraldDependencies, feedOverride: String? = nil) {
        self.configuration = configuration
        self.dependencies = dependencies
        self.feedOverride = feedOverride
    }

    /// The configured newsletter with `slug`, or an error listing the known ones.
    public func newsletter(_ slug: String) throws -> Newsletter {
        guard let newsletter = configuration.newsletters.first(where: { $0.slug == slug }) else {
            let known = configuration.newsletters.map(\.slug).joined(separator: ", ")
            throw ConfigurationError("unknown newsletter '\(slug)' (configured: \(known))")
        }
        return newsletter
    }

    var builder: NewsletterMessageBuilder {
        get throws {
            let site = SiteContext(
                siteName: configuration.siteName, baseURL: configuration.baseURL,
                honeypotField: configuration.web.honeypotField)
            return NewsletterMessageBuilder(site: site, sender: try Mailbox(parsing: configuration.mailFrom))
        }
    }

    /// Queued articles (admin API) plus the feed's.
    var source: QueuedDigestSource {
        QueuedDigestSource(
            store: dependencies.store,
            feed: FeedDigestSource(
                store: dependencies.store, fetcher: FeedFetcher(addressPolicy: configuration.outboundAddresses),
                override: feedOverride))
    }

    /// The sender for `herald digest send`.
    public func sender() throws -> DigestSender {
        var sender = DigestSender(
            store: dependencies.store, source: source,
            composer: TemplateDigestComposer(
                templates: dependencies.templates, builder: try builder,
                clicks: ClickLinkSigner(secret: dependencies.manageLinkSecret)),
            transport: dependencies.transport, signer: ManageLinkSigner(keys: dependencies.manageLinkKeys),
            logger: dependencies.logger, now: dependencies.now)
        sender.bounces = makeBounceService(configuration: configuration, dependencies: dependencies)
        sender.verp = makeVERPSigner(configuration: configuration, dependencies: dependencies)
        return sender
    }

    /// Renders the next digest in `options.language` (default: the newsletter's) for a sample
    /// subscriber without sending or recording anything.
    public func preview(_ newsletter: Newsletter, options: DigestSendOptions) async throws -> DigestPreview {
        let language = options.language ?? newsletter.language
        let articles = try await sender().freshArticles(newsletter, language: language, options: options)
        let items = articles.map(DigestItem.init(article:))
        let base = configuration.baseURL
        var site = try builder.site
        site.language = language
        let rendered = dependencies.templates.digestMail(
            DigestMail(site: site, newsletter: newsletter, date: dependencies.now(), items: items),
            for: HeraldTemplates.DigestRecipient(
                name: "Sample Reader", unsubscribeURL: "\(base)/unsubscribe/sample",
                preferencesURL: "\(base)/preferences/sample"))
        let recipients = try await DigestReports(store: dependencies.store).confirmedSubscribers(
            newsletter: newsletter.slug)
        return DigestPreview(articles: articles, rendered: rendered, recipients: recipients)
    }
}

/// What `herald digest preview` shows.
public struct DigestPreview: Sendable {
    public let articles: [DigestArticle]
    public let rendered: RenderedMail
    public let recipients: Int
}
