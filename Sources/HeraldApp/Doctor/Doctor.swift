import Foundation
import HeraldCore
import HeraldDNS
import HeraldMail
import HeraldTemplates

/// `herald doctor`: checks the set-up — configuration, templates, database, `base_url`, the SMTP
/// relay (nothing is sent), the sending domain's DNS (SPF, DKIM, DMARC, alignment, MX) and the
/// bulk-sender requirements Herald controls — and says how to fix what is wrong.
public struct Doctor: Sendable {
    let configuration: HeraldConfiguration
    let resolver: DNSResolver

    public init(configuration: HeraldConfiguration, resolver: DNSResolver) {
        self.configuration = configuration
        self.resolver = resolver
    }

    /// What the set-up checks found, and the opened store when the database could be reached.
    public struct Outcome: Sendable {
        public var report: DoctorReport
        public var store: (any SubscriberStore)?
        public var templates: TemplateLibrary?
    }

    /// Runs every check; never throws (a failure is a ✗ line).
    public func run() async -> Outcome {
        var checks: [DoctorCheck] = [
            DoctorCheck(.ok, "config", "configuration loaded; \(configuration.newsletters.count) newsletter(s)")
        ]
        let templates = checkTemplates(&checks)
        let store = await checkDatabase(&checks)
        checks += checkAddresses()
        let relayAddress = await checkSMTP(&checks)
        checks += await checkDNS(relayAddress: relayAddress)
        checks += bulkSenderChecks()
        return Outcome(report: DoctorReport(checks: checks), store: store, templates: templates)
    }

    /// The domain of the `mail_from` address (the From domain), lower-cased.
    var fromDomain: String? {
        (try? Mailbox(parsing: configuration.mailFrom)).flatMap { mailbox in
            mailbox.address.split(separator: "@").last.map { $0.lowercased() }
        }
    }

    /// The envelope sender's domain: `bounce_address`'s, else the From domain.
    var envelopeDomain: String? { configuration.bounceAddress?.domain ?? fromDomain }
}
