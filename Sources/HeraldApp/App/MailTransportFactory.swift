import Foundation
import HeraldCore
import HeraldMail
import Logging

/// Chooses the mail transport: SMTP through libcurl when `smtp_url` is set, else `.eml` files in a folder.
enum MailTransportFactory {
    static func make(_ configuration: HeraldConfiguration, logger: Logger) throws -> any MailTransport {
        guard let url = configuration.smtpURL else {
            // Absolute, so the line says where the files are whatever folder the server was started in.
            let folder = URL(fileURLWithPath: configuration.mailFolder, isDirectory: true).standardizedFileURL
            logger.notice(
                "no smtp_url configured: mail is written as .eml files", metadata: ["folder": "\(folder.path)"])
            return FolderTransport(folder: folder)
        }
        do {
            var smtp = try SMTPConfiguration(
                url: url, username: configuration.smtpUsername, password: configuration.smtpPassword,
                caFile: configuration.smtpCAFile)
            smtp.silenceTimeout = .seconds(configuration.smtpTimeoutSeconds)
            logger.info("mail goes through SMTP", metadata: ["server": "\(smtp)"])
            return SMTPTransport(configuration: smtp, connections: configuration.smtpPoolSize, logger: logger)
        } catch {
            throw ConfigurationError("smtp_url: \(error)")
        }
    }
}
