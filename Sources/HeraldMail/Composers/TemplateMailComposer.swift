import Foundation
import HeraldCore
import HeraldTemplates

/// Renders subscription mail with the templates and assembles it as MIME.
package struct TemplateMailComposer: SubscriptionMailComposer {
    let templates: TemplateLibrary
    let site: SiteContext
    let builder: NewsletterMessageBuilder
    let confirmationHours: Int
    /// The clock, for the hours a reminder's link has left.
    var now: @Sendable () -> Date = Date.init
    /// Signs the welcome mail's tracked link to the latest issue (`/l/{id}`), unless tracking is off.
    var clicks: ClickLinkSigner?

    /// A composer rendering with `templates`, linking into `site`; confirmation links last `confirmationHours`.
    package init(
        templates: TemplateLibrary, site: SiteContext, builder: NewsletterMessageBuilder, confirmationHours: Int,
        now: @escaping @Sendable () -> Date = Date.init, clicks: ClickLinkSigner? = nil
    ) {
        self.templates = templates
        self.site = site
        self.builder = builder
        self.confirmationHours = confirmationHours
        self.now = now
        self.clicks = clicks
    }

    package func confirmationMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        guard let newsletter = request.newsletters.first else { throw SubscriptionError.unknownNewsletter }
        var site = site
        site.language = request.language ?? newsletter.language
        let rendered = templates.confirmationMail(
            ConfirmationMail(
                site: site, newsletter: newsletter,
                confirmURL: "\(site.baseURL)/confirm/\(request.token.text)?lang=\(site.language)",
                expiryHours: confirmationHours))
        // The owner has not confirmed: no display name in To: (it could be a stranger's text).
        var recipient = request.subscriber
        recipient.name = nil
        return try assemble(rendered, to: recipient, newsletter: newsletter, manageToken: nil)
    }

    package func reminderMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        guard let newsletter = request.newsletters.first else { throw SubscriptionError.unknownNewsletter }
        let remaining = request.expiresAt.timeIntervalSince(now())
        var site = site
        site.language = request.language ?? newsletter.language
        let rendered = templates.reminderMail(
            ReminderMail(
                site: site, newsletter: newsletter, name: request.subscriber.name,
                confirmURL: "\(site.baseURL)/confirm/\(request.token.text)?lang=\(site.language)",
                expiryHours: max(1, Int((remaining / 3600).rounded(.up)))))
        return try assemble(rendered, to: request.subscriber, newsletter: newsletter, manageToken: nil)
    }

    package func alreadySubscribedMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        var site = site
        site.language = request.language ?? request.newsletter.language
        let rendered = templates.alreadySubscribedMail(
            AlreadySubscribedMail(
                site: site, newsletter: request.newsletter, name: request.subscriber.name,
                preferencesURL: "\(site.baseURL)/preferences/\(request.manageToken)"))
        return try assemble(rendered, to: request.subscriber, newsletter: request.newsletter, manageToken: nil)
    }

    package func welcomeMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        var site = site
        site.language = request.language ?? request.newsletter.language
        let rendered = templates.welcomeMail(
            WelcomeMail(
                site: site, newsletter: request.newsletter, name: request.subscriber.name,
                unsubscribeURL: "\(site.baseURL)/unsubscribe/\(request.manageToken)",
                preferencesURL: "\(site.baseURL)/preferences/\(request.manageToken)",
                latestIssueURL: request.latestIssue.map { latestIssueURL($0, request.newsletter) }))
        return try assemble(
            rendered, to: request.subscriber, newsletter: request.newsletter, manageToken: request.manageToken)
    }

    /// The archive page of `issue`; with tracking on, through `/l/{id}` as one more link of that
    /// issue (index = its article count), the same for every reader in every mode (no subscriber tag).
    private func latestIssueURL(_ issue: DigestIssue, _ newsletter: Newsletter) -> String {
        let page = "\(site.baseURL)/archive/\(newsletter.slug)/\(PathSegment.escape(issue.period))"
        guard newsletter.tracking != .off, let clicks, ClickLinkSigner.isWebURL(page) else { return page }
        let index = issue.articles.count
        return "\(site.baseURL)/l/\(clicks.id(issueID: issue.id, linkIndex: index, linkCount: index + 1, url: page))"
    }

    private func assemble(
        _ rendered: RenderedMail, to subscriber: Subscriber, newsletter: Newsletter, manageToken: String?
    ) throws -> OutgoingMail {
        try builder.build(rendered, to: subscriber, newsletter: newsletter, manageToken: manageToken)
    }
}

extension Mailbox {
    /// Parses `Name <address>` or a bare address; the address must pass Herald's validator.
    package init(parsing text: String) throws {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            var name = String(trimmed[..<open]).trimmingWhitespace()
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                name = String(name.dropFirst().dropLast())
            }
            let address = try EmailAddress(
                validating: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]))
            self.init(displayName: name.isEmpty ? nil : name, address: address.smtpAddress)
        } else {
            self.init(displayName: nil, address: try EmailAddress(validating: trimmed).smtpAddress)
        }
    }
}
