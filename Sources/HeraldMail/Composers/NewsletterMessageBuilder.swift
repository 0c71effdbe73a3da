import Foundation
import HeraldCore
import HeraldTemplates

/// Assembles rendered mail for one subscriber; newsletter mail (with a manage token) gets
/// List-Id, List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) headers.
package struct NewsletterMessageBuilder: Sendable {
    package let site: SiteContext
    let sender: Mailbox
    let assembler = MessageAssembler()

    /// A builder for mail from `sender` (unless a newsletter has its own `from`) with links into `site`.
    package init(site: SiteContext, sender: Mailbox) {
        self.site = site
        self.sender = sender
    }

    package func build(
        _ rendered: RenderedMail, to subscriber: Subscriber, newsletter: Newsletter, manageToken: String?,
        messageID: String? = nil
    ) throws -> OutgoingMail {
        var message = message(
            subject: rendered.subject, to: subscriber, newsletter: newsletter, manageToken: manageToken,
            messageID: messageID)
        message.text = rendered.text
        message.html = rendered.html
        message.language = rendered.language
        return try assembler.assemble(message)
    }

    /// One subscriber's copy of a digest in `language`: `body` with the holes filled from `fill`.
    package func build(
        _ body: BodyTemplate, filling fill: DigestFill, language: String?, to subscriber: Subscriber,
        newsletter: Newsletter, manageToken: String, messageID: String
    ) throws -> OutgoingMail {
        var headers = message(
            subject: fill.subject, to: subscriber, newsletter: newsletter, manageToken: manageToken,
            messageID: messageID)
        headers.language = language
        return try assembler.assemble(headers, body: body, text: fill.text, html: fill.html)
    }

    /// The message's headers; its text and HTML are left empty.
    private func message(
        subject: String, to subscriber: Subscriber, newsletter: Newsletter, manageToken: String?, messageID: String?
    ) -> MailMessage {
        let from = newsletter.fromAddress.flatMap { try? Mailbox(parsing: $0) } ?? sender
        let list = manageToken.map { token in
            ListHeaders(
                title: newsletter.title, id: "\(newsletter.slug).\(domain(of: from))",
                unsubscribeURL: "\(site.baseURL)/unsubscribe/\(token)", oneClickUnsubscribe: true)
        }
        return MailMessage(
            from: from, to: [Mailbox(displayName: subscriber.name, address: subscriber.smtpAddress)],
            subject: subject, text: "", messageID: messageID.map { "<\($0)@\(domain(of: from))>" }, list: list)
    }

    private func domain(of mailbox: Mailbox) -> String {
        mailbox.address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
