import Foundation
import HeraldCore
import HeraldMail

/// How long rendering one personalised digest takes, for `herald digest preview --measure`.
public struct DigestRenderTiming: Sendable {
    /// Messages built.
    public let messages: Int
    /// Time to render the issue's shared part once.
    public let prepare: Duration
    /// Time to build all `messages` (manage token, personalisation, MIME assembly).
    public let personalise: Duration
    /// Time to build the same messages the naive way, for comparison: each one's text and HTML
    /// joined in full and quoted-printable encoded whole (the path before ``BodyTemplate``).
    public let wholeMessage: Duration
    /// Size of the first message in bytes.
    public let messageBytes: Int

    /// Microseconds per personalised message.
    public var microsecondsPerMessage: Double { Self.microseconds(personalise) / Double(max(messages, 1)) }

    /// Microseconds per message built the naive way.
    public var wholeMessageMicroseconds: Double { Self.microseconds(wholeMessage) / Double(max(messages, 1)) }

    private static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }
}

extension DigestWiring {
    /// Renders the next digest once and then builds `count` personalised messages for distinct
    /// sample subscribers exactly as `digest send` does per recipient (manage-link token, greeting
    /// and links, HTML + text + MIME), without sending or recording anything.
    public func measureRendering(_ newsletter: Newsletter, options: DigestSendOptions, count: Int) async throws
        -> DigestRenderTiming
    {
        let digestSender = try sender()
        let language = options.language ?? newsletter.language
        let articles = try await digestSender.freshArticles(newsletter, language: language, options: options)
        let issue = DigestIssue(
            id: 1, newsletter: newsletter.slug, period: "measure", language: language, articles: articles,
            createdAt: dependencies.now())
        let clock = ContinuousClock()
        let composer = TemplateDigestComposer(
            templates: dependencies.templates, builder: try builder,
            clicks: ClickLinkSigner(secret: dependencies.manageLinkSecret))
        var prepared: TemplatePreparedDigest?
        let prepare = try clock.measure { prepared = try composer.preparedDigest(issue, newsletter: newsletter) }
        guard let prepared else { throw ConfigurationError("the digest could not be prepared") }
        let signer = ManageLinkSigner(keys: dependencies.manageLinkKeys)
        let recipients = (1...max(count, 1)).map { index in
            Subscriber(
                id: Int64(index), email: "reader\(index)@example.org", smtpAddress: "reader\(index)@example.org",
                canonicalKey: "reader\(index)@example.org", name: "Reader \(index)",
                createdAt: issue.createdAt, updatedAt: issue.createdAt)
        }
        var bytes = 0
        let personalise = try clock.measure {
            for subscriber in recipients {
                let token = signer.token(subscriberID: subscriber.id, newsletter: newsletter.slug)
                let mail = try prepared.mail(for: subscriber, manageToken: token)
                if subscriber.id == 1 { bytes = mail.data.count }
            }
        }
        let wholeMessage = try clock.measure {
            for subscriber in recipients {
                let token = signer.token(subscriberID: subscriber.id, newsletter: newsletter.slug)
                _ = try prepared.wholeMail(for: subscriber, manageToken: token)
            }
        }
        return DigestRenderTiming(
            messages: recipients.count, prepare: prepare, personalise: personalise, wholeMessage: wholeMessage,
            messageBytes: bytes)
    }
}
