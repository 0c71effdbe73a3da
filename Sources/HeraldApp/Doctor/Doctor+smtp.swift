import Foundation
import HeraldCore
import HeraldDNS
import HeraldMail

/// The SMTP relay: connect, EHLO, STARTTLS and its certificate, AUTH, MAIL FROM, RSET.
extension Doctor {
    /// Adds the relay's lines; returns the relay's IPv4 address when it is known (for SPF).
    func checkSMTP(_ checks: inout [DoctorCheck]) async -> String? {
        guard let url = configuration.smtpURL else {
            checks.append(
                DoctorCheck(
                    .warning, "smtp", "no smtp_url: mail is written as .eml files to \(configuration.mailFolder)",
                    fix: "set smtp_url to your relay, e.g. smtp://user@smtp.example.org:587"))
            return nil
        }
        var smtp: SMTPConfiguration
        do {
            smtp = try SMTPConfiguration(
                url: url, username: configuration.smtpUsername, password: configuration.smtpPassword,
                caFile: configuration.smtpCAFile)
        } catch {
            checks.append(DoctorCheck(.failure, "smtp", "\(error)", fix: "correct smtp_url"))
            return nil
        }
        smtp.connectTimeout = .seconds(10)
        smtp.totalTimeout = .seconds(30)
        let sender = configuration.bounceAddress?.plain ?? (try? Mailbox(parsing: configuration.mailFrom))?.address
        let result = await SMTPProbe.run(smtp, sender: sender ?? "postmaster@localhost")
        checks += SMTPProbeLines(configuration: smtp, result: result, sender: sender ?? "").lines
        return await relayAddress(smtp.host)
    }

    /// The relay's IPv4 address as the world sees it, when that can be known from here.
    private func relayAddress(_ host: String) async -> String? {
        let address: String? =
            if IPv4.value(host) != nil { host } else { (try? await resolver.a(host))?.first }
        guard let address, !IPv4.isLoopback(address) else { return nil }
        return address
    }
}

/// The checklist lines for one probe: each step passed, the one that failed, nothing after it.
struct SMTPProbeLines {
    let configuration: SMTPConfiguration
    let result: SMTPProbeResult
    let sender: String

    var lines: [DoctorCheck] {
        var lines = result.passed.compactMap(passed)
        if let failure = result.failure { lines.append(failed(failure.step, failure.message)) }
        if result.failure == nil { lines += notes }
        return lines
    }

    private var endpoint: String { configuration.endpoint }

    private func passed(_ step: SMTPProbeResult.Step) -> DoctorCheck? {
        switch step {
        case .connect: DoctorCheck(.ok, "smtp.connect", "connected to \(endpoint)")
        case .ehlo:
            DoctorCheck(
                .ok, "smtp.ehlo", "EHLO answered; extensions: \(result.capabilities.sorted().joined(separator: " "))")
        case .starttls:
            result.tls
                ? DoctorCheck(
                    .ok, "smtp.starttls",
                    configuration.security == .implicitTLS
                        ? "TLS from the first byte (smtps)" : "STARTTLS accepted; the session is encrypted") : nil
        case .certificate:
            result.tls ? DoctorCheck(.ok, "smtp.certificate", "certificate valid for \(configuration.host)") : nil
        case .auth:
            result.capabilities.contains("AUTH")
                ? DoctorCheck(.ok, "smtp.auth", "AUTH accepted for '\(configuration.credentials?.username ?? "")'")
                : nil
        case .mailFrom: DoctorCheck(.ok, "smtp.mail_from", "MAIL FROM:<\(sender)> accepted")
        case .reset: DoctorCheck(.ok, "smtp.rset", "RSET: the transaction was abandoned, nothing was sent")
        }
    }

    private func failed(_ step: SMTPProbeResult.Step, _ message: String) -> DoctorCheck {
        switch step {
        case .connect, .ehlo:
            DoctorCheck(
                .failure, "smtp.connect", "cannot talk to \(endpoint): \(message)",
                fix: "check smtp_url's host and port and that this machine may reach it (firewall)")
        case .starttls:
            DoctorCheck(
                .failure, "smtp.starttls", "\(endpoint): \(message)",
                fix: "use the relay's submission port (587) with STARTTLS, or smtps:// on 465")
        case .certificate:
            DoctorCheck(
                .failure, "smtp.certificate", "the certificate of \(endpoint) is not trusted: \(message)",
                fix: "give the relay a certificate valid for \(configuration.host), or name its CA in smtp_ca_file")
        case .auth:
            DoctorCheck(
                .failure, "smtp.auth", "AUTH refused for '\(configuration.credentials?.username ?? "")': \(message)",
                fix: "check smtp_username and smtp_password (or the credentials in smtp_url)")
        case .mailFrom:
            DoctorCheck(
                .failure, "smtp.mail_from", "MAIL FROM:<\(sender)> refused: \(message)",
                fix: "allow this sender address on the relay, or change mail_from / bounce_address")
        case .reset:
            DoctorCheck(.warning, "smtp.rset", "RSET failed: \(message)", fix: "none needed: nothing was sent")
        }
    }

    /// Warnings about what passed but is weak.
    private var notes: [DoctorCheck] {
        var notes: [DoctorCheck] = []
        if !result.tls, !configuration.isLoopback {
            notes.append(
                DoctorCheck(
                    .failure, "smtp.starttls", "mail to \(endpoint) travels unencrypted",
                    fix: "set smtp_url's starttls=required (the default off this machine) or use smtps://"))
        } else if !result.tls {
            notes.append(
                DoctorCheck(.warning, "smtp.starttls", "no TLS to \(endpoint) (a relay on this machine: acceptable)"))
        }
        if configuration.credentials != nil, !result.capabilities.contains("AUTH"), result.failure?.step != .auth {
            notes.append(
                DoctorCheck(
                    .failure, "smtp.auth", "credentials are configured but \(endpoint) offers no AUTH",
                    fix: "use the relay's submission port, or remove smtp_username/smtp_password"))
        }
        return notes
    }
}
