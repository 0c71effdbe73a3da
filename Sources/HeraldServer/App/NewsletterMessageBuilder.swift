import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates

/// Assembles rendered mail for one subscriber; newsletter mail (with a manage token) gets
/// List-Id, List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) headers.
struct NewsletterMessageBuilder: Sendable {
    let site: SiteContext
    let sender: Mailbox
    let assembler = MessageAssembler()

    func build(
        _ rendered: RenderedMail, to subscriber: Subscriber, newsletter: Newsletter, manageToken: String?,
        messageID: String? = nil
    ) throws -> OutgoingMail {
        let from = newsletter.fromAddress.flatMap { try? Mailbox(parsing: $0) } ?? sender
        let list = manageToken.map { token in
            ListHeaders(
                title: newsletter.title, id: "\(newsletter.slug).\(domain(of: from))",
                unsubscribeURL: "\(site.baseURL)/unsubscribe/\(token)", oneClickUnsubscribe: true)
        }
        return try assembler.assemble(
            MailMessage(
                from: from, to: [Mailbox(displayName: subscriber.name, address: subscriber.smtpAddress)],
                subject: rendered.subject, text: rendered.text, html: rendered.html,
                messageID: messageID.map { "<\($0)@\(domain(of: from))>" }, list: list))
    }

    private func domain(of mailbox: Mailbox) -> String {
        mailbox.address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
