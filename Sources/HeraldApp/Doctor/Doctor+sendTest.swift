import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates
import Logging

/// `--send-test ADDRESS`: one real mail through the outbox and the relay.
extension Doctor {
    /// Queues the test mail in the outbox, delivers what is due, and reports how the test mail fared.
    public func sendTest(
        to address: String, store: any SubscriberStore, templates: TemplateLibrary, logger: Logger
    ) async -> DoctorCheck {
        do {
            let recipient = try EmailAddress(validating: address)
            let site = SiteContext(
                siteName: configuration.siteName, baseURL: configuration.baseURL,
                honeypotField: configuration.web.honeypotField)
            let builder = NewsletterMessageBuilder(site: site, sender: try Mailbox(parsing: configuration.mailFrom))
            let person = Subscriber(
                id: 0, email: recipient.typed, smtpAddress: recipient.smtpAddress, canonicalKey: recipient.canonicalKey,
                name: nil, createdAt: Date(), updatedAt: Date())
            let mail = try builder.build(
                templates.doctorTestMail(site: site), to: person, newsletter: configuration.newsletters[0],
                manageToken: nil)
            let id = try await OperatorMail(store: store).queue(mail)
            let keys = try await SecretKeyStorage.load(configuration, store: store)
            let dependencies = HeraldDependencies(
                store: store, templates: templates,
                transport: try MailTransportFactory.make(configuration, logger: logger),
                logger: logger, manageLinkKeys: keys.manageLinkKeys)
            _ = try await makeOutboxWorker(configuration: configuration, dependencies: dependencies).drain()
            let sent = try await QueueStatus(store: store).outboxMessage(id: id)
            return sendTestLine(sent, address: recipient.smtpAddress)
        } catch {
            return DoctorCheck(
                .failure, "send_test", "the test mail could not be queued: \(error)",
                fix: "fix the lines above (database, templates, mail_from), then try again")
        }
    }

    private func sendTestLine(_ message: OutboxMessage?, address: String) -> DoctorCheck {
        switch message?.state {
        case .sent?:
            return DoctorCheck(
                .ok, "send_test",
                "test mail to \(address) accepted by the relay (\(message?.lastResult ?? "sent")); check its headers for spf=pass dkim=pass dmarc=pass"
            )
        case .pending?, .sending?:
            return DoctorCheck(
                .failure, "send_test", "test mail to \(address) not accepted yet: \(message?.lastResult ?? "waiting")",
                fix: "see herald outbox status; the outbox retries it")
        default:
            return DoctorCheck(
                .failure, "send_test", "test mail to \(address) failed: \(message?.lastResult ?? "unknown")",
                fix: "fix the smtp lines above")
        }
    }
}
