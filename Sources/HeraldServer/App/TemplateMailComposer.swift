import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates

/// Renders subscription mail with the templates and assembles it as MIME.
struct TemplateMailComposer: SubscriptionMailComposer {
    let templates: TemplateLibrary
    let site: SiteContext
    let builder: NewsletterMessageBuilder
    let confirmationHours: Int

    func confirmationMail(_ request: ConfirmationMailRequest) throws -> OutgoingMail {
        guard let newsletter = request.newsletters.first else { throw SubscriptionError.unknownNewsletter }
        let rendered = templates.confirmationMail(
            ConfirmationMail(
                site: site, newsletter: newsletter,
                confirmURL: "\(site.baseURL)/confirm/\(request.token.text)", expiryHours: confirmationHours))
        // The owner has not confirmed: no display name in To: (it could be a stranger's text).
        var recipient = request.subscriber
        recipient.name = nil
        return try assemble(rendered, to: recipient, newsletter: newsletter, manageToken: nil)
    }

    func alreadySubscribedMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        let rendered = templates.alreadySubscribedMail(
            AlreadySubscribedMail(
                site: site, newsletter: request.newsletter, name: request.subscriber.name,
                preferencesURL: "\(site.baseURL)/preferences/\(request.manageToken)"))
        return try assemble(rendered, to: request.subscriber, newsletter: request.newsletter, manageToken: nil)
    }

    func welcomeMail(_ request: SubscriptionMailRequest) throws -> OutgoingMail {
        let rendered = templates.welcomeMail(
            WelcomeMail(
                site: site, newsletter: request.newsletter, name: request.subscriber.name,
                unsubscribeURL: "\(site.baseURL)/unsubscribe/\(request.manageToken)",
                preferencesURL: "\(site.baseURL)/preferences/\(request.manageToken)"))
        return try assemble(
            rendered, to: request.subscriber, newsletter: request.newsletter, manageToken: request.manageToken)
    }

    private func assemble(
        _ rendered: RenderedMail, to subscriber: Subscriber, newsletter: Newsletter, manageToken: String?
    ) throws -> OutgoingMail {
        try builder.build(rendered, to: subscriber, newsletter: newsletter, manageToken: manageToken)
    }
}

extension Mailbox {
    /// Parses `Name <address>` or a bare address; the address must pass Herald's validator.
    init(parsing text: String) throws {
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
