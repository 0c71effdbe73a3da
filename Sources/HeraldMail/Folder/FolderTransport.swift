import Foundation
import HeraldCore

/// Writes each message as an `.eml` file into a folder instead of sending it: for development,
/// when no SMTP server is configured. Files appear atomically (written aside, then renamed), so a
/// watcher never sees half a message.
public struct FolderTransport: MailTransport {
    /// Where the `.eml` files go; created on first use.
    public let folder: URL

    /// Creates a transport writing into `folder`.
    public init(folder: URL) {
        self.folder = folder
    }

    /// Saves the message as `<time>-<random>.eml`; the receipt's text is the file's path.
    public func send(_ mail: OutgoingMail) async throws(MailDeliveryError) -> MailReceipt {
        let millis = Int64(Date().timeIntervalSince1970 * 1000)
        let name = "\(millis)-\(String(UInt64.random(in: 0...UInt64.max), radix: 36)).eml"
        let target = folder.appendingPathComponent(name)
        let temporary = folder.appendingPathComponent(".\(name).tmp")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(mail.data).write(to: temporary, options: .withoutOverwriting)
            try FileManager.default.moveItem(at: temporary, to: target)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw MailDeliveryError(kind: .transient, message: "folder: cannot write \(target.path): \(error)")
        }
        return MailReceipt(replyCode: 250, replyText: "saved to \(target.path)")
    }
}
